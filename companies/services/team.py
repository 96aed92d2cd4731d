"""One function per team action: invitations, join requests, roles and leaving.

Each locks the company row first, so two admins acting at once (or an admin leaving while
another is demoted) can never leave a company without an administrator.
"""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone, translation
from wagtail.log_actions import log

from companies import notifications
from companies.models import (
    JOIN_REQUEST,
    Company,
    Invitation,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    MembershipRole,
)
from companies.services.errors import (
    AlreadyMember,
    InvitationNotUsable,
    LastAdmin,
    NotAdmin,
    TooManyRequests,
    WrongAccount,
)

# A user cannot keep more open requests than this: it stops one account from probing the
# registry for partite IVA or flooding admins with requests.
MAX_OPEN_JOIN_REQUESTS = 5
MAX_PENDING_INVITATIONS = 25


def _lock(company):
    return Company.objects.select_for_update().get(pk=company.pk)


def _require_admin(user, company):
    if not company.memberships.filter(user=user, role=MembershipRole.ADMIN).exists():
        raise NotAdmin


def _would_lose_last_admin(company, membership):
    if not membership.is_admin:
        return False
    return (
        not company.memberships.filter(role=MembershipRole.ADMIN).exclude(pk=membership.pk).exists()
    )


# --- invitations ------------------------------------------------------------------------


@transaction.atomic
def invite(user, company, email, role):
    """An admin invites an e-mail address; a new invitation replaces a pending one."""
    locked = _lock(company)
    _require_admin(user, locked)
    email = email.strip().lower()
    if locked.memberships.filter(user__email__iexact=email).exists():
        raise AlreadyMember
    now = timezone.now()
    pending = locked.invitations.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    )
    pending.filter(email__iexact=email).update(revoked_at=now)
    if pending.count() >= MAX_PENDING_INVITATIONS:
        raise TooManyRequests
    invitation = Invitation.objects.create(
        company=locked,
        email=email,
        role=role,
        invited_by=user,
        language=translation.get_language() or "",
    )
    log(locked, "approdo.company.invite", user=user, data={"email": email, "role": role})
    transaction.on_commit(lambda: notifications.send_invitation.enqueue(invitation.pk))
    return invitation


@transaction.atomic
def revoke_invitation(user, company, invitation):
    """An admin withdraws an invitation that has not been used; its link stops working."""
    locked = _lock(company)
    _require_admin(user, locked)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise InvitationNotUsable(invitation.state)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    log(locked, "approdo.company.invite_revoke", user=user, data={"email": invitation.email})


@transaction.atomic
def accept_invitation(user, invitation):
    """The invited person, signed in with the invited and verified address, joins the team.

    The invitation row is locked, so a link clicked twice (or in two tabs) is used once.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise InvitationNotUsable(invitation.state)
    if not EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists():
        raise WrongAccount
    company = _lock(invitation.company)
    if company.memberships.filter(user=user).exists():
        raise AlreadyMember
    membership = Membership.objects.create(user=user, company=company, role=invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    approve = JOIN_REQUEST["approve"]
    JoinRequest.objects.filter(company=company, user=user, status__in=approve.sources).update(
        status=approve.target, decided_at=invitation.accepted_at
    )
    log(company, "approdo.company.join", user=user, data={"via": "invitation"})
    return membership


# --- join requests ----------------------------------------------------------------------


@transaction.atomic
def request_to_join(user, company, message=""):
    """A user asks to join a registered company; asking again returns the open request."""
    locked = _lock(company)
    if locked.memberships.filter(user=user).exists():
        raise AlreadyMember
    existing = locked.join_requests.filter(user=user, status=JoinRequestStatus.PENDING).first()
    if existing is not None:
        return existing
    if (
        JoinRequest.objects.filter(user=user, status=JoinRequestStatus.PENDING).count()
        >= MAX_OPEN_JOIN_REQUESTS
    ):
        raise TooManyRequests
    join_request = JoinRequest.objects.create(company=locked, user=user, message=message)
    log(locked, "approdo.company.join_request", user=user, data={"request": join_request.pk})
    transaction.on_commit(lambda: notifications.send_join_request.enqueue(join_request.pk))
    return join_request


@transaction.atomic
def decide_join_request(user, company, join_request, approve, role=MembershipRole.MEMBER):
    """An admin approves (with a role) or refuses a request; a decided request stays decided.

    Returns False when someone else already answered it, True when this call did.
    """
    locked = _lock(company)
    _require_admin(user, locked)
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    move = "approve" if approve else "refuse"
    if not JOIN_REQUEST.can(join_request, move):
        return False
    JOIN_REQUEST.apply(join_request, move)
    join_request.decided_at = timezone.now()
    join_request.decided_by = user
    join_request.save(update_fields=["status", "decided_at", "decided_by"])
    if approve:
        Membership.objects.get_or_create(
            user=join_request.user, company=locked, defaults={"role": role}
        )
    log(
        locked,
        "approdo.company.join_decision",
        user=user,
        data={"request": join_request.pk, "approved": approve},
    )
    return True


# --- members ----------------------------------------------------------------------------


@transaction.atomic
def change_role(user, company, membership, role):
    """An admin makes a member an admin, or an admin a member (never the last one)."""
    locked = _lock(company)
    _require_admin(user, locked)
    membership = locked.memberships.select_for_update().get(pk=membership.pk)
    if role == MembershipRole.MEMBER and _would_lose_last_admin(locked, membership):
        raise LastAdmin
    membership.role = role
    membership.save(update_fields=["role"])
    log(locked, "approdo.company.role", user=user, data={"member": membership.user_id})
    return membership


@transaction.atomic
def remove_member(user, company, membership):
    """An admin removes someone from the team; the last admin cannot be removed."""
    locked = _lock(company)
    _require_admin(user, locked)
    membership = locked.memberships.select_for_update().get(pk=membership.pk)
    if _would_lose_last_admin(locked, membership):
        raise LastAdmin
    member_id = membership.user_id
    membership.delete()
    log(locked, "approdo.company.remove_member", user=user, data={"member": member_id})


@transaction.atomic
def leave_company(user, company):
    """A user leaves a team; the last admin must first make someone else admin."""
    locked = _lock(company)
    membership = locked.memberships.select_for_update().get(user=user)
    if _would_lose_last_admin(locked, membership):
        raise LastAdmin
    membership.delete()
    log(locked, "approdo.company.leave", user=user)
