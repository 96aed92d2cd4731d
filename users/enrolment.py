"""Proof of the verified e-mail address before a first authenticator app (TOTP) is set up.

allauth lets anyone signed in enrol an authenticator after typing the password again, so a
stolen staff password was enough for a thief to enrol their own app and pass the staff
two-factor gate for good. Before the first enrolment the user now asks for a one-time code,
sent to the account's primary verified address through the outbox, and types it on the
enrolment page (users.forms.ActivateTOTPForm). Codes last CODE_MINUTES, are single use, die
after MAX_ATTEMPTS wrong tries, and a new one replaces the old. Sending is rate-limited per
user ("totp_enrolment_code" in ACCOUNT_RATE_LIMITS). docs/operations.md tells staff.
"""

import datetime
import secrets

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from users.middleware import has_totp
from users.models import TotpEnrolmentCode

CODE_MINUTES = 15
MAX_ATTEMPTS = 5
CODE_DIGITS = 8
RATE_LIMIT_ACTION = "totp_enrolment_code"


class CodeNotSent(Exception):
    """No code could be sent: ``reason`` says why, for the user."""

    def __init__(self, reason):
        self.reason = reason
        super().__init__(reason)


def code_required(user):
    """Whether enrolling an authenticator needs an e-mailed code: the first one always does."""
    return not has_totp(user)


def _digest(user, code):
    return salted_hmac("users.enrolment", f"{user.pk}:{code}", algorithm="sha256").hexdigest()


def _address(user):
    address = EmailAddress.objects.filter(user=user, primary=True, verified=True).first()
    return address.email if address else None


def send_code(request):
    """Issues a new code for the signed-in user and queues the e-mail carrying it.

    Raises CodeNotSent when the account has no verified address or asked too often.
    """
    user = request.user
    address = _address(user)
    if address is None:
        raise CodeNotSent(
            _("Your account has no verified e-mail address. Ask an administrator for help.")
        )
    if not ratelimit.consume(request, action=RATE_LIMIT_ACTION, user=user):
        raise CodeNotSent(_("Too many codes asked for. Wait a few minutes, then try again."))
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    with transaction.atomic():
        TotpEnrolmentCode.objects.update_or_create(
            user=user,
            defaults={
                "digest": _digest(user, code),
                "expires_at": timezone.now() + datetime.timedelta(minutes=CODE_MINUTES),
                "failed_attempts": 0,
            },
        )
        get_adapter(request).send_mail(
            "users/email/totp_enrolment_code", address, {"code": code, "minutes": CODE_MINUTES}
        )
    return address


def use_code(user, code):
    """Spends the user's code if ``code`` is it; raises ValidationError otherwise.

    A wrong code counts against the code, which is deleted at MAX_ATTEMPTS; an expired one
    is deleted. Under a row lock, so two requests cannot both spend one code; the error is
    raised after the commit, so that the count of wrong tries is kept.
    """
    with transaction.atomic():
        error = _spend(user, (code or "").strip())
    if error:
        raise ValidationError(*error)


def _spend(user, code):
    stored = TotpEnrolmentCode.objects.select_for_update().filter(user=user).first()
    if stored is None:
        return _("Ask for a code by e-mail first."), "no_code"
    if stored.expires_at <= timezone.now():
        stored.delete()
        return _("This code has expired. Ask for a new one."), "expired"
    if not constant_time_compare(stored.digest, _digest(user, code)):
        stored.failed_attempts += 1
        if stored.failed_attempts >= MAX_ATTEMPTS:
            stored.delete()
            return _("Too many wrong codes. Ask for a new one."), "too_many_attempts"
        stored.save(update_fields=["failed_attempts"])
        return _("This is not the code we sent."), "wrong_code"
    stored.delete()
    return None
