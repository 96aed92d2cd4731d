"""What a user receives, turning the digest off, and the signed one-click unsubscribe.

Step reminders cannot be turned off: they are sent only while a step of the user's waits,
and stop when it is done. The digest can, from the preferences page or from the link in the
digest itself, which works without signing in: its token is signed (django.core.signing)
with a salt of its own, so no other token of the site is accepted, and names only the user.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse

from reminders.models import COMPANY_KINDS, STAFF_KINDS, Kind, ReminderPreference
from reminders.sending import absolute

SALT = "reminders.unsubscribe"


def unsubscribe_token(user):
    return signing.dumps({"user": user.pk}, salt=SALT)


def user_for_token(token):
    """The active user a token was made for, or None for a foreign or altered token."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return get_user_model().objects.filter(pk=data.get("user"), is_active=True).first()


def unsubscribe_url(user):
    return absolute(reverse("reminders_unsubscribe", args=[unsubscribe_token(user)]))


def unsubscribe_headers(user):
    """RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe (a POST)."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def received_by(user):
    """(kind, may be turned off, is on) for every e-mail of this app the user can get."""
    kinds = []
    if user.memberships.exists():
        kinds += COMPANY_KINDS
    if user.is_staff:
        kinds += STAFF_KINDS
    rows = [(Kind(kind), False, True) for kind in kinds]
    if user.is_active and user.moderated_territories.exists():
        preference = ReminderPreference.objects.filter(user=user).first()
        rows.append((Kind.DIGEST, True, preference is None or preference.digests))
    return rows


@transaction.atomic
def set_digests(user, on):
    """Turns the user's weekly digest on or off; returns the preference."""
    preference, _created = ReminderPreference.objects.select_for_update().get_or_create(user=user)
    if preference.digests != on:
        preference.digests = on
        preference.save(update_fields=["digests", "updated_at"])
    return preference
