"""E-mails survive a mail-server outage, are sent once, and use staff wording when set."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from companies import services
from companies.models import MembershipRole
from mail.outbox import BACKOFF, OutgoingEmail, deliver_due, next_attempt
from mail.wording import EmailWording
from tests.factories.companies import MembershipFactory
from tests.flaky_mail import FlakyBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def flaky(settings):
    settings.APPRODO_EMAIL_TRANSPORT = "tests.flaky_mail.FlakyBackend"
    FlakyBackend.down = True
    yield FlakyBackend
    FlakyBackend.down = False


def invite(django_capture_on_commit_callbacks, email="collega@impresa.example"):
    admin = MembershipFactory(role=MembershipRole.ADMIN, user__preferred_language="it")
    with django_capture_on_commit_callbacks(execute=True):
        services.invite(admin.user, admin.company, email, MembershipRole.MEMBER)
    return admin.company


def test_an_outage_delays_the_email_and_recovery_delivers_it_once(
    flaky, mailoutbox, django_capture_on_commit_callbacks
):
    invite(django_capture_on_commit_callbacks)
    email = OutgoingEmail.objects.get()
    assert email.sent_at is None
    assert email.attempts == 1
    assert "SMTPServerDisconnected" in email.last_error
    assert mailoutbox == []

    flaky.down = False
    assert deliver_due() == []  # not due yet: the first retry waits a minute
    later = timezone.now() + datetime.timedelta(seconds=BACKOFF[0] + 1)
    with time_machine.travel(later):
        assert deliver_due() == ["sent"]
        assert deliver_due() == []
        call_command("send_queued_emails")
    email.refresh_from_db()
    assert email.sent_at is not None
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["collega@impresa.example"]


def test_a_long_outage_backs_off_and_still_delivers(flaky, django_capture_on_commit_callbacks):
    invite(django_capture_on_commit_callbacks)
    email = OutgoingEmail.objects.get()
    moment = timezone.now()
    for _ in range(6):
        moment = email.next_attempt_at + datetime.timedelta(seconds=1)
        with time_machine.travel(moment):
            assert deliver_due() == ["failed"]
        email.refresh_from_db()
    assert email.attempts == 7
    assert email.next_attempt_at - moment < datetime.timedelta(hours=6, seconds=2)
    flaky.down = False
    with time_machine.travel(email.next_attempt_at + datetime.timedelta(seconds=1)):
        assert deliver_due() == ["sent"]
    assert len(mail.outbox) == 1


def test_backoff_grows_then_stays_at_six_hours():
    now = timezone.now()
    waits = [(next_attempt(n, now) - now).total_seconds() for n in range(1, 8)]
    assert waits == [60, 300, 900, 3600, 21600, 21600, 21600]


def test_the_database_queue_schedules_the_retry(
    flaky, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def run_queued(task_path):
        """Runs the queued tasks of one kind as the worker would; returns how many ran."""
        queued = DBTaskResult.objects.filter(task_path=task_path, status="READY")
        ran = 0
        for result in queued:
            with django_capture_on_commit_callbacks(execute=True):
                result.task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
            result.delete()
            ran += 1
        return ran

    invite(django_capture_on_commit_callbacks)
    assert run_queued("companies.notifications.send_invitation") == 1
    assert not OutgoingEmail.objects.get().attempts
    assert run_queued("mail.outbox.deliver_email") == 1
    email = OutgoingEmail.objects.get()
    assert email.attempts == 1
    retry = DBTaskResult.objects.get(task_path="mail.outbox.deliver_email")
    assert retry.run_after == email.next_attempt_at


class TestStaffWording:
    def test_staff_wording_replaces_the_default_and_fills_placeholders(
        self, mailoutbox, django_capture_on_commit_callbacks
    ):
        EmailWording.objects.create(
            kind="invitation",
            locale=Locale.objects.get(language_code="it"),
            subject="Unisciti a $company",
            body="Ciao, $person ti invita in $company come $role.\n\nApri: $url\n\n$unknown",
        )
        company = invite(django_capture_on_commit_callbacks)
        message = mailoutbox[0]
        assert message.subject == f"Unisciti a {company.legal_name}"
        assert "come Membro" in message.body
        assert "$unknown" in message.body  # an unknown placeholder is left as written
        html = message.alternatives[0][0]
        assert '<a href="http://testserver/it/companies/invitations/' in html
        assert "<p>Ciao," in html

    def test_placeholders_are_values_not_template_code(
        self, mailoutbox, django_capture_on_commit_callbacks
    ):
        EmailWording.objects.create(
            kind="invitation",
            locale=Locale.objects.get(language_code="it"),
            subject="Invito",
            body="{{ settings.SECRET_KEY }} $company",
        )
        admin = MembershipFactory(company__legal_name="<b>Forno</b> & Co")
        with django_capture_on_commit_callbacks(execute=True):
            services.invite(admin.user, admin.company, "x@impresa.example", "member")
        message = mailoutbox[0]
        assert "{{ settings.SECRET_KEY }}" in message.body
        assert "&lt;b&gt;Forno&lt;/b&gt; &amp; Co" in message.alternatives[0][0]

    def test_other_languages_keep_the_default(self, mailoutbox, django_capture_on_commit_callbacks):
        EmailWording.objects.create(
            kind="invitation",
            locale=Locale.objects.get(language_code="en"),
            subject="Join $company",
            body="Hi",
        )
        invite(django_capture_on_commit_callbacks)
        assert "Sei invitato" in mailoutbox[0].subject


def test_staff_see_sent_emails_but_cannot_edit_them(
    staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    invite(django_capture_on_commit_callbacks)
    email = OutgoingEmail.objects.get()
    listing = staff_client.get(reverse("outgoing_emails:index"), follow=True)
    assert "collega@impresa.example" in listing.text
    edit = staff_client.post(reverse("outgoing_emails:edit", args=[email.pk]), {"to": "x@y.z"})
    assert edit.status_code == 302 and edit["Location"] == "/admin/"
    email.refresh_from_db()
    assert email.to == "collega@impresa.example"
