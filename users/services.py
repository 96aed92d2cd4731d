"""Account actions a company user takes on their own account: download its data, delete it.

Deleting removes the person and what is only theirs: the account, its e-mail addresses and
authenticators, memberships, requests to join, the e-mails queued or sent to them. What
belongs to a company's dossier stays with the company (declarations, documents, timeline,
invitations, placement history), with the account link emptied; invitations sent to the
person, and their audit entries, keep who invited whom when but lose the address. The
intern-card access log alone keeps the viewer's address, because it must still say who
looked at an intern's data.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from wagtail.log_actions import log

from companies.models import (
    Company,
    CompanyLogEntry,
    CompanyStatus,
    Invitation,
    Membership,
    MembershipRole,
)
from home.outbox import OutgoingEmail
from users.account_data import export_account_data

__all__ = [
    "DeletionRefused",
    "LastAdministrator",
    "StaffAccount",
    "check_deletable",
    "delete_account",
    "export_account_data",
]

# A dossier under review or approved must keep someone who answers for it.
ACTIVE_STATUSES = {
    CompanyStatus.SUBMITTED,
    CompanyStatus.CHANGES_REQUESTED,
    CompanyStatus.APPROVED,
}

DELETE_ACTION = "approdo.user.delete_account"
# Audit entries that record an invited address in their data.
INVITATION_ACTIONS = ["approdo.company.invite", "approdo.company.invite_revoke"]


class DeletionRefused(Exception):
    """The account cannot be deleted by its owner now."""


class StaffAccount(DeletionRefused):
    """Staff and administrator accounts are closed by an administrator, not by their owner."""


class LastAdministrator(DeletionRefused):
    """The user is the last administrator of companies that still need one: ``companies``."""

    def __init__(self, companies):
        self.companies = list(companies)
        super().__init__(", ".join(company.legal_name for company in self.companies))


def _refuse_staff(user):
    # Wagtail's user editor does not set is_staff: admin access is what makes project staff.
    if user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        raise StaffAccount


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


def check_deletable(user):
    """Raises DeletionRefused if the user may not delete their account; nothing is locked.

    It lets the confirmation page explain a refusal before asking for the password again;
    delete_account checks again under lock.
    """
    _refuse_staff(user)
    companies = list(Company.objects.filter(memberships__user=user).order_by("legal_name"))
    blocked = _left_without_administrator(user, companies, _roles(user, companies))
    if blocked:
        raise LastAdministrator(blocked)


@transaction.atomic
def delete_account(user):
    """Deletes the user's account, or raises DeletionRefused and changes nothing.

    Refused for staff, and for the last administrator of a company that is under review or
    approved, or that has other members: they must first make someone else administrator
    (or ask the project staff). The sole member of a draft or rejected company may go; the
    company stays, without members. Each company the user belonged to gets an audit-log
    entry. The company rows are locked, in a fixed order so that two deletions cannot
    deadlock, and are the same locks the team actions take: a colleague leaving or being
    demoted at the same moment is seen before the rule is applied.
    """
    _refuse_staff(user)
    get_user_model().objects.select_for_update().filter(pk=user.pk).get()
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
    addresses = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    to_user, invited, logged = Q(), Q(), Q()
    for address in {user.email, *addresses}:
        to_user |= Q(to__iexact=address)
        invited |= Q(email__iexact=address)
        logged |= Q(data__email__iexact=address)
    OutgoingEmail.objects.filter(to_user).delete()
    Invitation.objects.filter(invited).update(email="")
    entries = CompanyLogEntry.objects.filter(logged, action__in=INVITATION_ACTIONS)
    for entry in entries.select_for_update():
        entry.data = {key: value for key, value in entry.data.items() if key != "email"}
        # .update(): the audit model's save() validates, and these rows are only rewritten.
        CompanyLogEntry.objects.filter(pk=entry.pk).update(data=entry.data)
    user.delete()
