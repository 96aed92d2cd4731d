"""What the portal holds about a company user, gathered for them to download (GDPR art. 15, 20).

The export covers the person's own data and their own actions. Records they touched also
concern others (the company, an intern): only the person's part is given, and nothing about
an intern beyond the placement's number, since the intern's data is not theirs to receive.
Each list is one query whatever its length.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

from companies.models import (
    CompanyDeclaration,
    CompanyDocument,
    CompanyEvent,
    InternCardView,
    Invitation,
    PlacementEvent,
)

# Recovery codes only back up another method: alone they do not make two-factor sign-in.
SECOND_FACTORS = {Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN}


def _when(value):
    return value.isoformat() if value else None


def _company(company):
    return {"legal_name": company.legal_name, "partita_iva": company.partita_iva}


def _profile(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
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


def _memberships(user):
    memberships = user.memberships.select_related("company").order_by("created_at", "pk")
    return [
        {"company": _company(m.company), "role": m.role, "since": _when(m.created_at)}
        for m in memberships
    ]


def _join_requests(user):
    requests = user.join_requests.select_related("company").order_by("created_at", "pk")
    return [
        {
            "company": _company(r.company),
            "message": r.message,
            "status": r.status,
            "created": _when(r.created_at),
            "answered": _when(r.decided_at),
        }
        for r in requests
    ]


def _invitations_sent(user):
    invitations = (
        Invitation.objects.filter(invited_by=user)
        .select_related("company")
        .order_by("created_at", "pk")
    )
    return [
        {
            "email": i.email,
            "company": _company(i.company),
            "role": i.role,
            "created": _when(i.created_at),
            "status": i.state,
        }
        for i in invitations
    ]


def _declarations_signed(user):
    declarations = (
        CompanyDeclaration.objects.filter(signed_by=user)
        .select_related("company")
        .order_by("signed_at", "pk")
    )
    return [
        {
            "company": _company(d.company),
            "declarant_name": d.declarant_name,
            "declarant_role": d.declarant_role,
            "signed_at": _when(d.signed_at),
            "language": d.language,
            "items": [entry.get("text", "") for entry in d.items],
        }
        for d in declarations
    ]


def _documents_uploaded(user):
    documents = (
        CompanyDocument.objects.filter(uploaded_by=user)
        .select_related("company")
        .order_by("uploaded_at", "pk")
    )
    return [
        {
            "company": _company(d.company),
            "original_name": d.original_name,
            "version": d.version,
            "size": d.size,
            "uploaded_at": _when(d.uploaded_at),
            "status": d.status,
        }
        for d in documents
    ]


def _company_events(user):
    events = (
        CompanyEvent.objects.filter(actor=user)
        .select_related("company")
        .order_by("created_at", "pk")
    )
    return [
        {
            "company": _company(e.company),
            "from_status": e.from_status,
            "to_status": e.to_status,
            "message": e.message,
            "date": _when(e.created_at),
        }
        for e in events
    ]


# The placement rows are read through values() so that no intern field is even loaded.


def _placement_answers(user):
    events = (
        PlacementEvent.objects.filter(actor=user)
        .order_by("created_at", "pk")
        .values(
            "placement_id",
            "placement__company__legal_name",
            "placement__company__partita_iva",
            "action",
            "message",
            "created_at",
        )
    )
    return [
        {
            "placement": e["placement_id"],
            "company": {
                "legal_name": e["placement__company__legal_name"],
                "partita_iva": e["placement__company__partita_iva"],
            },
            "action": e["action"],
            "message": e["message"],
            "date": _when(e["created_at"]),
        }
        for e in events
    ]


def _intern_card_views(user):
    views = (
        InternCardView.objects.filter(user=user)
        .order_by("viewed_at", "pk")
        .values(
            "placement_id",
            "placement__company__legal_name",
            "placement__company__partita_iva",
            "viewed_at",
        )
    )
    return [
        {
            "placement": v["placement_id"],
            "company": {
                "legal_name": v["placement__company__legal_name"],
                "partita_iva": v["placement__company__partita_iva"],
            },
            "viewed_at": _when(v["viewed_at"]),
        }
        for v in views
    ]


def export_account_data(user):
    """Everything the portal holds about ``user``, as JSON-serialisable data.

    Dates are ISO 8601 strings; statuses and roles are the stored codes. The number of
    queries is fixed (one per list), however much the person has done.
    """
    return {
        "exported_at": _when(timezone.now()),
        "profile": _profile(user),
        "email_addresses": _email_addresses(user),
        "two_factor": _two_factor(user),
        "memberships": _memberships(user),
        "join_requests": _join_requests(user),
        "invitations_sent": _invitations_sent(user),
        "declarations_signed": _declarations_signed(user),
        "documents_uploaded": _documents_uploaded(user),
        "company_status_changes": _company_events(user),
        "placement_answers": _placement_answers(user),
        "intern_card_views": _intern_card_views(user),
    }
