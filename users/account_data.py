"""What the portal holds about a user, gathered for them to download (GDPR art. 15, 20).

The export covers the person's own data and their own actions. Records they touched also
concern others (a company, an intern): only the person's part is given. The account itself
is described here; the apps holding the rest register their sections
(users.contributions), so that, e.g., companies adds the memberships and the dossier work.
Each list is one query whatever its length.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

from users.contributions import export_sections

# Recovery codes only back up another method: alone they do not make two-factor sign-in.
SECOND_FACTORS = {Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN}


def when(value):
    """A date or time as an ISO 8601 string (None stays None), as every section writes it."""
    return value.isoformat() if value else None


def _profile(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "date_joined": when(user.date_joined),
        "last_login": when(user.last_login),
    }


def _email_addresses(user):
    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ]


def _two_factor(user):
    # Only the kinds of authenticator: their data holds the secrets and never leaves.
    kinds = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    return {"enabled": bool(kinds & SECOND_FACTORS), "methods": sorted(kinds)}


def export_account_data(user):
    """Everything the portal holds about ``user``, as JSON-serialisable data.

    Dates are ISO 8601 strings; statuses and roles are the stored codes. The number of
    queries is fixed (one per list), however much the person has done.
    """
    return {
        "exported_at": when(timezone.now()),
        "profile": _profile(user),
        "email_addresses": _email_addresses(user),
        "two_factor": _two_factor(user),
        **{key: section(user) for key, section in export_sections()},
    }
