"""Every e-mail goes through the outbox: with the mail server down the user still gets an
answer, and the e-mail is delivered exactly once when the server returns.

allauth's own e-mails (signup confirmation, password reset) come through the account
adapter; the contact form's copy for staff and anything sent with Django's mail functions
(Wagtail's notifications) through mail.outbox.OutboxBackend.
"""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from home.models import FormField, FormPage
from mail.outbox import BACKOFF, OutgoingEmail, deliver_due
from tests.factories.pages import home_page
from tests.factories.users import UserFactory
from tests.flaky_mail import FlakyBackend

pytestmark = pytest.mark.django_db

PASSWORD = "una-Password-lunga-9"


@pytest.fixture
def smtp_down(settings):
    settings.APPRODO_EMAIL_TRANSPORT = "tests.flaky_mail.FlakyBackend"
    FlakyBackend.down = True
    yield FlakyBackend
    FlakyBackend.down = False


def recover(smtp):
    """The server comes back; the retry is due a minute later and sends what waited."""
    smtp.down = False
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=BACKOFF[0] + 1)):
        outcomes = deliver_due()
        assert deliver_due() == []  # nothing left: sent once
    return outcomes


def test_signup_with_the_mail_server_down(
    client, smtp_down, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/it/accounts/signup/",
            {"email": "nuova@impresa.example", "password1": PASSWORD, "password2": PASSWORD},
            follow=True,
        )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/it/accounts/confirm-email/"
    email = OutgoingEmail.objects.get()
    assert (email.to, email.kind) == ("nuova@impresa.example", "account.email_confirmation_signup")
    assert email.attempts == 1 and email.sent_at is None
    assert mailoutbox == []

    assert recover(smtp_down) == ["sent"]
    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mailoutbox[0].body).group(0)
    # The key has left; the stored copy keeps only the record that it was sent.
    email.refresh_from_db()
    assert email.sent_at is not None
    assert (email.text, email.html) == ("", "")
    path = re.sub(r"^https?://[^/]+", "", link)
    assert client.post(path).status_code == 302


def test_password_reset_with_the_mail_server_down(
    client, smtp_down, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(email="titolare@impresa.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/it/accounts/password/reset/", {"email": user.email}, follow=True)
    assert response.status_code == 200
    assert OutgoingEmail.objects.get().kind == "account.password_reset_key"
    assert mailoutbox == []

    assert recover(smtp_down) == ["sent"]
    assert len(mailoutbox) == 1
    assert "/accounts/password/reset/key/" in mailoutbox[0].body
    assert OutgoingEmail.objects.get().text == ""


def test_the_account_already_exists_notice_keeps_its_text(
    client, smtp_down, mailoutbox, django_capture_on_commit_callbacks
):
    """No secret in it: the stored copy stays for support like the notifications."""
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/it/accounts/signup/",
            {"email": user.email, "password1": PASSWORD, "password2": PASSWORD},
        )
    assert recover(smtp_down) == ["sent"]
    email = OutgoingEmail.objects.get()
    assert email.kind == "account.account_already_exists"
    assert email.text == mailoutbox[0].body != ""


def test_contact_form_copy_with_the_mail_server_down(
    client, smtp_down, mailoutbox, django_capture_on_commit_callbacks
):
    page = FormPage(
        title="Contatti",
        slug="contatti",
        to_address="segreteria@approdo.example, tutor@approdo.example",
        from_address="",
        subject="Nuovo messaggio",
    )
    home_page().add_child(instance=page)
    FormField.objects.create(
        page=page,
        label="Messaggio",
        field_type="singleline",
        locale=Locale.objects.get(language_code="it"),
    )
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, {"messaggio": "Vorrei informazioni."})
    assert response.status_code == 200
    assert sorted(OutgoingEmail.objects.values_list("to", "kind")) == [
        ("segreteria@approdo.example", "contact_form"),
        ("tutor@approdo.example", "contact_form"),
    ]
    assert recover(smtp_down) == ["sent", "sent"]
    assert sorted(m.to[0] for m in mailoutbox) == [
        "segreteria@approdo.example",
        "tutor@approdo.example",
    ]
    assert "Vorrei informazioni." in mailoutbox[0].body


def test_django_mail_functions_queue_in_the_outbox(settings, smtp_down, mailoutbox):
    """What Wagtail sends itself (workflow notifications) uses the EMAIL_BACKEND."""
    settings.EMAIL_BACKEND = "mail.outbox.OutboxBackend"
    mail.send_mail(
        "Pagina da revisionare", "Testo", None, ["redazione@approdo.example"], fail_silently=False
    )
    email = OutgoingEmail.objects.get()
    assert (email.to, email.subject, email.text) == (
        "redazione@approdo.example",
        "Pagina da revisionare",
        "Testo",
    )
    assert recover(smtp_down) == ["sent"]
    assert len(mailoutbox) == 1
