"""A first authenticator app needs a code e-mailed to the verified address, not only the
password: a thief holding a stolen staff password cannot enrol their own app."""

import datetime
import re

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from mail.outbox import OutgoingEmail
from tests.factories.users import DEFAULT_PASSWORD, StaffUserFactory
from tests.totp import current_code
from users import enrolment
from users.models import TotpEnrolmentCode

pytestmark = pytest.mark.django_db

LOGIN_URL = "/en/accounts/login/"


@pytest.fixture
def staff(client, settings):
    """A staff member signed in with the password only, on the enrolment page."""
    settings.APPRODO_STAFF_REQUIRE_MFA = True
    user = StaffUserFactory(email="moderatrice@approdo.example")
    response = client.post(LOGIN_URL, {"login": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    # allauth asks for the password again before enrolment: the thief has that too.
    response = client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    return user


def enrolment_page(client):
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    return response


def secret_of(client):
    """The secret the page shows (the QR code's), as an authenticator app would read it."""
    return enrolment_page(client).context["form"].secret


def ask_for_code(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("users:totp_enrolment_code"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    return re.search(r"\b(\d{8})\b", mailoutbox[-1].body).group(1)


def activate(client, secret, email_code=None):
    data = {"code": current_code(secret)}
    if email_code is not None:
        data["email_code"] = email_code
    return client.post(reverse("mfa_activate_totp"), data)


def enrolled(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def test_the_password_alone_is_not_enough(client, staff):
    page = enrolment_page(client)
    assert "Send me a code by e-mail" in page.text
    secret = page.context["form"].secret
    response = activate(client, secret)
    assert response.status_code == 200
    assert "Type the code we sent to your e-mail address." in response.text
    response = activate(client, secret, email_code="12345678")
    assert "Ask for a code by e-mail first." in response.text
    assert not enrolled(staff)


def test_with_the_e_mailed_code_it_works_once(
    client, staff, mailoutbox, django_capture_on_commit_callbacks
):
    code = ask_for_code(client, mailoutbox, django_capture_on_commit_callbacks)
    assert mailoutbox[-1].to == ["moderatrice@approdo.example"]
    # The stored e-mail loses the code once sent; the database holds only a digest.
    email = OutgoingEmail.objects.get(kind="account.totp_enrolment_code")
    assert email.sent_at is not None and email.text == ""
    assert code not in TotpEnrolmentCode.objects.get(user=staff).digest

    response = activate(client, secret_of(client), email_code=code)
    assert response.status_code == 302
    assert enrolled(staff)
    assert not TotpEnrolmentCode.objects.filter(user=staff).exists()  # spent


def test_a_code_is_single_use(client, staff, mailoutbox, django_capture_on_commit_callbacks):
    code = ask_for_code(client, mailoutbox, django_capture_on_commit_callbacks)
    enrolment.use_code(staff, code)
    response = activate(client, secret_of(client), email_code=code)
    assert "Ask for a code by e-mail first." in response.text
    assert not enrolled(staff)


def test_a_code_expires(client, staff, mailoutbox, django_capture_on_commit_callbacks):
    code = ask_for_code(client, mailoutbox, django_capture_on_commit_callbacks)
    secret = secret_of(client)
    later = timezone.now() + datetime.timedelta(minutes=enrolment.CODE_MINUTES, seconds=1)
    with time_machine.travel(later, tick=False):
        client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
        response = activate(client, secret, email_code=code)
    assert "This code has expired. Ask for a new one." in response.text
    assert not enrolled(staff)


def test_wrong_codes_use_the_code_up(client, staff, mailoutbox, django_capture_on_commit_callbacks):
    code = ask_for_code(client, mailoutbox, django_capture_on_commit_callbacks)
    wrong = f"{(int(code) + 1) % 10**8:08d}"
    secret = secret_of(client)
    for _ in range(enrolment.MAX_ATTEMPTS - 1):
        assert "This is not the code we sent." in activate(client, secret, wrong).text
    assert "Too many wrong codes." in activate(client, secret, wrong).text
    # Even the right code is refused now: a new one must be asked for.
    assert "Ask for a code by e-mail first." in activate(client, secret, code).text
    assert not enrolled(staff)


def test_a_new_code_replaces_the_old(client, staff, mailoutbox, django_capture_on_commit_callbacks):
    first = ask_for_code(client, mailoutbox, django_capture_on_commit_callbacks)
    second = ask_for_code(client, mailoutbox, django_capture_on_commit_callbacks)
    secret = secret_of(client)
    if first != second:
        assert "This is not the code we sent." in activate(client, secret, first).text
    assert activate(client, secret, second).status_code == 302
    assert enrolled(staff)


def test_asking_too_often_is_refused(client, staff, mailoutbox, django_capture_on_commit_callbacks):
    for _ in range(3):
        ask_for_code(client, mailoutbox, django_capture_on_commit_callbacks)
    response = client.post(reverse("users:totp_enrolment_code"), follow=True)
    assert "Too many codes asked for." in response.text
    assert len(mailoutbox) == 3


def test_staff_cannot_change_addresses_before_enrolling(client, staff):
    """Otherwise the thief would verify an address of theirs, make it primary, and receive
    the code there."""
    response = client.get(reverse("account_email"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
