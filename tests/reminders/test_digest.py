"""The moderator's weekly digest: what arrived, what waits, what is overdue, once a week,
scoped to their territories, with a one-click unsubscribe."""

import datetime

import pytest

from companies.services.status import move_company
from participants.models import Stage
from reminders.models import Kind, ReminderPreference
from reminders.preferences import user_for_token
from tests.factories.companies import CompanyFactory, TerritoryFactory, complete_dossier
from tests.factories.participants import PathFactory, moderator_for
from tests.reminders.helpers import at, days, emails, run_digests

pytestmark = pytest.mark.django_db

MONDAY = days(5)  # T0 is a Wednesday


def sent(company, moment):
    complete_dossier(company)
    with at(moment):
        move_company(company, "submit")
    return company


@pytest.fixture
def week():
    territory = TerritoryFactory()
    moderator = moderator_for(territory)
    sent(CompanyFactory(territory=territory, legal_name="Forno Bianchi"), days(-10))
    sent(CompanyFactory(territory=territory, legal_name="Officina Neri"), days(4))
    sent(CompanyFactory(legal_name="Altrove s.r.l."), days(4))  # another territory
    PathFactory(
        participant__territory=territory,
        stage=Stage.COMPLETED,
        follow_up_due=datetime.date(2027, 1, 15),
    )
    return moderator


def test_the_digest_lists_what_arrived_waits_and_is_overdue(week):
    assert run_digests(MONDAY) == 1
    (email,) = emails(Kind.DIGEST)
    assert email.to == week.email
    assert email.language == "en"
    text = email.text
    assert "Dossiers sent: 1\n  - Officina Neri" in text
    assert "Dossiers: 2" in text
    assert "Dossiers waiting more than 5 days: 1\n  - Forno Bianchi" in text
    assert "Follow-ups due: 1" in text
    assert "Altrove" not in text
    assert "/admin/" in text


def test_the_digest_goes_once_a_week(week):
    run_digests(MONDAY)
    run_digests(MONDAY + datetime.timedelta(hours=1))
    run_digests(days(7))  # Wednesday, same week
    assert len(emails(Kind.DIGEST)) == 1
    run_digests(days(12))  # next Monday
    assert len(emails(Kind.DIGEST)) == 2


def test_the_digest_waits_for_its_weekday_then_catches_up(week, settings):
    settings.APPRODO_REMINDERS = {"digest_weekday": 3}  # Thursday
    run_digests(MONDAY)
    assert emails(Kind.DIGEST) == []
    run_digests(days(8))  # Thursday
    assert len(emails(Kind.DIGEST)) == 1


def test_a_moderator_who_turned_the_digest_off_gets_none(week):
    ReminderPreference.objects.create(user=week, digests=False)
    assert run_digests(MONDAY) == 0
    assert emails(Kind.DIGEST) == []


def test_the_digest_carries_the_one_click_unsubscribe_headers(week):
    run_digests(MONDAY)
    (email,) = emails(Kind.DIGEST)
    headers = email.as_message().extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = headers["List-Unsubscribe"]
    assert link.startswith("<http") and link.endswith(">")
    assert link[1:-1] in email.text  # the same link in the text
    token = link.rstrip("/>").rsplit("/", 1)[1]
    assert user_for_token(token) == week


def test_the_digest_is_in_the_moderators_language(week):
    profile = week.wagtail_userprofile
    profile.preferred_language = "it"
    profile.save()
    run_digests(MONDAY)
    (email,) = emails(Kind.DIGEST)
    assert email.language == "it"
    assert "Fascicoli inviati: 1" in email.text
