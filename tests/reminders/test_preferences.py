"""Each user sees what they receive and may turn the digest off, on the page or with the
digest's one-click link, which works without signing in and refuses any other token."""

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from reminders.models import Kind, ReminderPreference
from reminders.preferences import unsubscribe_token
from tests.factories.companies import MembershipFactory, TerritoryFactory
from tests.factories.participants import moderator_for
from tests.factories.users import UserFactory
from tests.reminders.helpers import days, emails, run_digests

pytestmark = pytest.mark.django_db


def label(kind):
    with translation.override("en"):
        return escape(str(kind.label))


def page():
    with translation.override("en"):
        return reverse("reminders:preferences")


def unsubscribe(token):
    return reverse("reminders_unsubscribe", args=[token])


@pytest.fixture
def moderator(no_staff_mfa):
    return moderator_for(TerritoryFactory())


def test_a_company_member_sees_the_step_reminders_and_no_digest(client):
    member = MembershipFactory().user
    client.force_login(member)
    response = client.get(page())
    assert response.status_code == 200
    html = response.content.decode()
    assert label(Kind.DOSSIER_IDLE) in html
    assert label(Kind.ATTENDANCE_MONTH) in html
    assert "Sent while the step waits" in html
    assert 'name="digests"' not in html


def test_a_moderator_turns_the_digest_off_and_on(client, moderator):
    client.force_login(moderator)
    html = client.get(page()).content.decode()
    assert label(Kind.QUEUE_WAITING) in html
    assert 'name="digests" id="id_digests" value="on" checked' in html

    assert client.post(page(), {}).status_code == 302
    assert ReminderPreference.objects.get(user=moderator).digests is False
    assert run_digests(days(5)) == 0

    client.post(page(), {"digests": "on"})
    assert ReminderPreference.objects.get(user=moderator).digests is True
    assert run_digests(days(5)) == 1


def test_the_page_needs_a_signed_in_user(client):
    response = client.get(page())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_one_click_unsubscribe_works_without_login_or_csrf(moderator):
    client = Client(enforce_csrf_checks=True)
    url = unsubscribe(unsubscribe_token(moderator))
    form = client.get(url)
    assert form.status_code == 200
    assert "Stop the digest" in form.content.decode()  # the moderator reads English
    assert not ReminderPreference.objects.filter(user=moderator).exists()  # GET changes nothing

    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert ReminderPreference.objects.get(user=moderator).digests is False
    assert run_digests(days(5)) == 0
    assert emails(Kind.DIGEST) == []
    # Step reminders are not affected: nothing else of the user's changed.
    assert client.post(url).status_code == 200  # twice is harmless


@pytest.mark.parametrize(
    "make_token",
    [
        lambda user: "not-a-token",
        lambda user: unsubscribe_token(user)[:-2] + "xx",  # altered signature
        lambda user: signing.dumps({"user": user.pk}, salt="another.feature"),  # foreign
        lambda user: signing.dumps({"user": user.pk}),  # no salt
        lambda user: signing.dumps(user.pk, salt="reminders.unsubscribe"),  # wrong shape
    ],
)
def test_a_foreign_or_altered_token_is_refused(client, moderator, make_token):
    response = client.post(unsubscribe(make_token(moderator)))
    assert response.status_code == 400
    assert client.get(unsubscribe(make_token(moderator))).status_code == 400
    assert not ReminderPreference.objects.filter(digests=False).exists()


def test_the_token_of_a_deactivated_user_is_refused(client):
    user = UserFactory(is_active=False)
    assert client.post(unsubscribe(unsubscribe_token(user))).status_code == 400


def test_the_account_download_has_the_preference_and_the_reminders_sent(moderator):
    from users.account_data import export_account_data

    ReminderPreference.objects.create(user=moderator, digests=False)
    assert export_account_data(moderator)["reminders"] == {"weekly_digest": False, "sent": []}


def test_the_page_costs_the_same_queries_for_one_company_or_many(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(size):
        user = UserFactory()
        for _ in range(size):
            MembershipFactory(user=user)
        client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page()).status_code == 200
        return len(captured)

    queries(1)  # the first request primes the site's caches
    assert queries(1) == queries(6)
