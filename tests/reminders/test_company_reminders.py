"""A company that forgets a step is reminded once, at the right time, in each member's
language, with a link to the page where the step is done; never after it is done."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import translation

from agreements.models import SignedStatus
from companies.models import CompanyLogEntry, CompanyStatus, PlacementStatus
from companies.services.status import move_company
from participants.models import InternshipMonth
from reminders.models import Kind, SentReminder
from tests.factories.companies import (
    CompanyFactory,
    MembershipFactory,
    PlacementFactory,
    accepted_documents,
    complete_dossier,
)
from tests.factories.users import UserFactory
from tests.reminders.helpers import T0, accepted_agreement, at, days, emails, run_companies

pytestmark = pytest.mark.django_db


def members(company, *languages):
    return [
        MembershipFactory(company=company, user=UserFactory(preferred_language=language)).user
        for language in languages
    ]


@pytest.fixture
def draft():
    with at(T0):
        company = CompanyFactory(legal_name="Forno Bianchi")
        members(company, "en", "ar")
    return company


def test_an_idle_draft_is_reminded_once_after_seven_days_in_each_language(draft):
    run_companies(days(6, 23))
    assert emails(Kind.DOSSIER_IDLE) == []

    run_companies(days(7))
    english, arabic = sorted(emails(Kind.DOSSIER_IDLE), key=lambda e: e.language)[::-1]
    assert (english.language, arabic.language) == ("en", "ar")
    assert english.subject == "Your dossier for Forno Bianchi is still a draft"
    assert f"/en/companies/{draft.pk}/" in english.text
    assert f"/ar/companies/{draft.pk}/" in arabic.text
    assert english.subject != arabic.subject  # worded in Arabic, not English

    run_companies(days(8))
    run_companies(days(30))
    assert len(emails(Kind.DOSSIER_IDLE)) == 2  # once per member, whatever runs again


def test_the_reminder_appears_in_the_company_history(draft):
    run_companies(days(7))
    entry = CompanyLogEntry.objects.get(action="approdo.reminder.sent")
    assert entry.object_id == str(draft.pk)
    assert entry.data == {"kind": Kind.DOSSIER_IDLE, "recipients": 2}
    with translation.override("en"):
        assert entry.message == "Reminder sent: Dossier draft left idle"


def test_a_draft_sent_in_time_is_not_reminded(draft):
    with at(days(3)):
        complete_dossier(draft)
        move_company(draft, "submit")
    run_companies(days(10))
    assert emails(Kind.DOSSIER_IDLE) == []


def test_a_draft_changed_again_starts_a_new_period(draft):
    run_companies(days(7))
    with at(days(9)):
        draft.save()
    run_companies(days(15))
    assert len(emails(Kind.DOSSIER_IDLE)) == 2
    run_companies(days(16))
    assert len(emails(Kind.DOSSIER_IDLE)) == 4


def test_requested_changes_not_answered_are_reminded_with_the_staff_message():
    company = complete_dossier(CompanyFactory(legal_name="Officina Neri"))
    (user,) = members(company, "en")
    with at(T0):
        move_company(company, "submit")
        move_company(company, "request_changes", message="Add the PEC address.")
    run_companies(days(6))
    assert emails(Kind.CHANGES_UNANSWERED) == []
    run_companies(days(7, 1))
    run_companies(days(8))
    (email,) = emails(Kind.CHANGES_UNANSWERED)
    assert email.to == user.email
    assert "Add the PEC address." in email.text
    assert f"/en/companies/{company.pk}/" in email.text


def test_requested_changes_answered_are_not_reminded():
    company = complete_dossier(CompanyFactory())
    members(company, "it")
    with at(T0):
        move_company(company, "submit")
        move_company(company, "request_changes", message="Manca la PEC.")
    with at(days(5)):
        move_company(company, "submit")
    run_companies(days(10))
    assert emails(Kind.CHANGES_UNANSWERED) == []


def approved(company):
    with at(T0):
        move_company(company, "submit")
        move_company(company, "approve")
    return company


def test_missing_documents_are_reminded_a_week_after_approval_with_their_names():
    company = approved(complete_dossier(CompanyFactory()))
    members(company, "it")
    run_companies(days(6))
    assert emails(Kind.DOCUMENTS_MISSING) == []
    run_companies(days(7))
    run_companies(days(20))
    (email,) = emails(Kind.DOCUMENTS_MISSING)
    assert email.language == "it"
    assert f"/it/companies/{company.pk}/documents/" in email.text
    assert "\n- " in email.text  # the missing kinds, one a line


def test_documents_provided_are_not_reminded():
    company = approved(complete_dossier(CompanyFactory()))
    members(company, "it")
    accepted_documents(company)
    run_companies(days(8))
    assert emails(Kind.DOCUMENTS_MISSING) == []


def test_an_agreement_is_reminded_once_thirty_days_before_it_expires(settings):
    settings.APPRODO_REMINDERS = {"agreement_valid_days": 100}
    company = CompanyFactory(status=CompanyStatus.APPROVED)
    members(company, "en")
    accepted_agreement(company, T0)
    run_companies(days(69))
    assert emails(Kind.AGREEMENT_EXPIRING) == []
    run_companies(days(70))
    run_companies(days(80))
    (email,) = emails(Kind.AGREEMENT_EXPIRING)
    assert f"/en/companies/{company.pk}/agreements/" in email.text
    assert "April 23, 2027" in email.subject  # T0 + 100 days, in English
    run_companies(days(101))  # expired: no longer "about to expire"
    assert len(emails(Kind.AGREEMENT_EXPIRING)) == 1


def test_a_renewed_agreement_is_not_reminded(settings):
    settings.APPRODO_REMINDERS = {"agreement_valid_days": 100}
    company = CompanyFactory(status=CompanyStatus.APPROVED)
    members(company, "en")
    old = accepted_agreement(company, T0)
    old.status = SignedStatus.SUPERSEDED
    old.save()
    accepted_agreement(company, days(60))
    run_companies(days(75))
    assert emails(Kind.AGREEMENT_EXPIRING) == []


@pytest.fixture
def running_placement():
    placement = PlacementFactory(
        status=PlacementStatus.ACTIVE,
        starts_on=datetime.date(2027, 2, 1),
        ends_on=datetime.date(2027, 8, 1),
    )
    members(placement.company, "en")
    return placement


def test_the_months_attendance_is_asked_on_the_first_working_day(running_placement):
    placement = running_placement
    # 1 May is a holiday and 2 May a Sunday: April is asked on Monday 3 May.
    run_companies(datetime.datetime(2027, 5, 2, 9, tzinfo=datetime.UTC))
    assert emails(Kind.ATTENDANCE_MONTH) == []
    run_companies(datetime.datetime(2027, 5, 3, 9, tzinfo=datetime.UTC))
    run_companies(datetime.datetime(2027, 5, 4, 9, tzinfo=datetime.UTC))
    (email,) = emails(Kind.ATTENDANCE_MONTH)
    assert "April 2027" in email.subject
    assert f"/companies/{placement.company_id}/interns/{placement.pk}/attendance/" in email.text
    assert placement.participant.family_name not in email.text  # the company e-mail names nobody


def test_a_confirmed_month_is_not_asked(running_placement):
    InternshipMonth.objects.create(
        placement=running_placement, month=datetime.date(2027, 4, 1), days=20, hours=80
    )
    run_companies(datetime.datetime(2027, 5, 3, 9, tzinfo=datetime.UTC))
    assert emails(Kind.ATTENDANCE_MONTH) == []


def test_the_command_runs_the_company_reminders_and_is_idempotent(draft):
    for _ in range(2):
        call_command("send_reminders", "--to", "companies", "--now", days(7).isoformat())
    assert SentReminder.objects.filter(kind=Kind.DOSSIER_IDLE).count() == 2
    assert len(emails(Kind.DOSSIER_IDLE)) == 2


def test_staff_wording_replaces_the_shipped_text_in_its_language(draft):
    from wagtail.models import Locale

    from mail.wording import EmailWording

    EmailWording.objects.create(
        kind=Kind.DOSSIER_IDLE,
        locale=Locale.objects.get(language_code="en"),
        subject="Still a draft: $company",
        body="Please finish at $url",
    )
    run_companies(days(7))
    english, arabic = sorted(emails(Kind.DOSSIER_IDLE), key=lambda e: e.language)[::-1]
    assert english.subject == "Still a draft: Forno Bianchi"
    assert english.text.startswith("Please finish at http")
    assert f"/en/companies/{draft.pk}/" in english.text
    assert arabic.subject != "Still a draft: Forno Bianchi"  # no Arabic wording: shipped text


def test_a_misspelt_delay_is_refused_rather_than_ignored(settings):
    from django.core.exceptions import ImproperlyConfigured

    from reminders.conf import delay

    settings.APPRODO_REMINDERS = {"dossier_idle_day": 3}
    with pytest.raises(ImproperlyConfigured, match="dossier_idle_day"):
        delay("dossier_idle_days")
