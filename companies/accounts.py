"""A company user's account as far as companies holds it: the sections of the account
download (GDPR art. 15, 20) and the rules and steps of the account deletion.

Registered with users.contributions by CompaniesConfig.ready(). Records the person touched
also concern others (the company, an intern): only the person's part is given, and nothing
about an intern beyond the placement's number, since the intern's data is not theirs to
receive. Each list is one query whatever its length.

On deletion what belongs to a company's dossier stays with the company (declarations,
documents, timeline, invitations, placement history), with the account link emptied;
invitations sent to the person, and their audit entries, keep who invited whom when but
lose the address. The intern-card access log alone keeps the viewer's address, because it
must still say who looked at an intern's data.
"""

from django.db.models import Count, Q
from wagtail.log_actions import log

from companies.models import (
    Company,
    CompanyDeclaration,
    CompanyDocument,
    CompanyEvent,
    CompanyLogEntry,
    CompanyStatus,
    InternCardView,
    Invitation,
    Membership,
    MembershipRole,
    PlacementEvent,
)
from users.account_data import when as _when
from users.services import DELETE_ACTION, DeletionRefused


def _company(company):
    return {"legal_name": company.legal_name, "partita_iva": company.partita_iva}


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


EXPORT_SECTIONS = {
    "memberships": _memberships,
    "join_requests": _join_requests,
    "invitations_sent": _invitations_sent,
    "declarations_signed": _declarations_signed,
    "documents_uploaded": _documents_uploaded,
    "company_status_changes": _company_events,
    "placement_answers": _placement_answers,
    "intern_card_views": _intern_card_views,
}


# Deletion.

# A dossier under review or approved must keep someone who answers for it.
ACTIVE_STATUSES = {
    CompanyStatus.SUBMITTED,
    CompanyStatus.CHANGES_REQUESTED,
    CompanyStatus.APPROVED,
}

# Audit entries that record an invited address in their data.
INVITATION_ACTIONS = ["approdo.company.invite", "approdo.company.invite_revoke"]


class LastAdministrator(DeletionRefused):
    """The user is the last administrator of companies that still need one: ``companies``."""

    def __init__(self, companies):
        self.companies = list(companies)
        super().__init__(", ".join(company.legal_name for company in self.companies))


def _roles(user, companies):
    return dict(
        Membership.objects.filter(user=user, company__in=companies).values_list(
            "company_id", "role"
        )
    )


def _left_without_administrator(user, companies, roles):
    """The companies the user's departure would leave without an administrator they need.

    A company needs one while its dossier is active or other people remain in its team.
    Leaving a team (companies.services.team) refuses every last administrator; here the
    sole member of a draft or rejected dossier may go, as nobody is left to answer to.
    A fixed number of queries, however many companies.
    """
    others = {
        row["company_id"]: row
        for row in Membership.objects.filter(company__in=companies)
        .exclude(user=user)
        .values("company_id")
        .annotate(
            members=Count("pk"),
            admins=Count("pk", filter=Q(role=MembershipRole.ADMIN)),
        )
    }
    blocked = []
    for company in companies:
        if roles.get(company.pk) != MembershipRole.ADMIN:
            continue
        team = others.get(company.pk, {"members": 0, "admins": 0})
        if team["admins"]:
            continue
        if company.status in ACTIVE_STATUSES or team["members"]:
            blocked.append(company)
    return blocked


def check_deletion(user):
    """Refuses (LastAdministrator) the last administrator of a company that needs one."""
    companies = list(Company.objects.filter(memberships__user=user).order_by("legal_name"))
    blocked = _left_without_administrator(user, companies, _roles(user, companies))
    if blocked:
        raise LastAdministrator(blocked)


def erase_account(user, addresses):
    """The companies' part of deleting ``user``, inside the deletion's transaction.

    The last administrator of a company under review or approved, or with other members,
    is refused: they must first make someone else administrator (or ask the project
    staff). The sole member of a draft or rejected company may go; the company stays,
    without members. Each company the user belonged to gets an audit-log entry. The company
    rows are locked, in a fixed order so that two deletions cannot deadlock, and are the
    same locks the team actions take: a colleague leaving or being demoted at the same
    moment is seen before the rule is applied.
    """
    companies = list(
        Company.objects.select_for_update(of=("self",))
        .filter(memberships__user=user)
        .order_by("pk")
    )
    roles = _roles(user, companies)
    blocked = _left_without_administrator(user, companies, roles)
    if blocked:
        raise LastAdministrator(sorted(blocked, key=lambda company: company.legal_name))
    for company in companies:
        log(company, DELETE_ACTION, user=user, data={"member": user.pk, "role": roles[company.pk]})
    invited, logged = Q(), Q()
    for address in addresses:
        invited |= Q(email__iexact=address)
        logged |= Q(data__email__iexact=address)
    Invitation.objects.filter(invited).update(email="")
    entries = CompanyLogEntry.objects.filter(logged, action__in=INVITATION_ACTIONS)
    for entry in entries.select_for_update():
        entry.data = {key: value for key, value in entry.data.items() if key != "email"}
        # .update(): the audit model's save() validates, and these rows are only rewritten.
        CompanyLogEntry.objects.filter(pk=entry.pk).update(data=entry.data)


def register():
    """Hands the companies' parts to the account download and deletion."""
    from users.contributions import register_deletion, register_export

    for key, section in EXPORT_SECTIONS.items():
        register_export(key, section)
    register_deletion(check=check_deletion, erase=erase_account)
