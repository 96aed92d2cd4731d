"""One function per placement action: propose (staff), accept or decline (company), and the
staff's lifecycle moves. Each checks who acts, locks the rows, moves and writes the audit log.
"""

from django.db import transaction
from wagtail.log_actions import log

from companies.models import Company, CompanyStatus, Placement, PlacementEvent, PlacementStatus
from companies.models.placement import NEEDS_REASON, OCCUPYING, PLACEMENT_TRANSITIONS
from companies.services.review import NotPermitted, ReasonRequired

__all__ = [
    "CapacityExceeded",
    "CompanyNotApproved",
    "NotPermitted",
    "ReasonRequired",
    "company_decision",
    "propose",
    "staff_move",
]


class CapacityExceeded(Exception):
    """The company already hosts as many interns as its headcount allows."""

    def __init__(self, capacity, occupied):
        self.capacity = capacity
        self.occupied = occupied
        super().__init__(f"{occupied}/{capacity}")


class CompanyNotApproved(Exception):
    """Only approved host companies receive placements."""


def manageable_placements(user):
    """Placements a staff user may act on: their territories', with the permission.

    Tutors (the permission without a territory) act on the placements they follow.
    """
    if not getattr(user, "is_authenticated", False) or not user.has_perm(
        "companies.manage_placement"
    ):
        return Placement.objects.none()
    if user.is_superuser:
        return Placement.objects.all()
    return Placement.objects.filter(
        company__in=Company.objects.reviewable_by(user)
    ) | Placement.objects.filter(project_tutor=user)


@transaction.atomic
def propose(user, placement, override_capacity=False):
    """Staff propose an unsaved, filled-in Placement to its company.

    Refused beyond the company's capacity unless the user may override it (documented
    exceptions the rules allow); the override is recorded in the audit log.
    """
    if not user.has_perm("companies.manage_placement") or not (
        Company.objects.reviewable_by(user).filter(pk=placement.company_id).exists()
    ):
        raise NotPermitted
    company = Company.objects.select_for_update().get(pk=placement.company_id)
    if company.status != CompanyStatus.APPROVED:
        raise CompanyNotApproved
    occupied = company.placements.filter(status__in=OCCUPYING).count()
    capacity = company.capacity.interns
    overridden = False
    if occupied >= capacity:
        if not (override_capacity and user.has_perm("companies.override_capacity")):
            raise CapacityExceeded(capacity, occupied)
        overridden = True
    placement.status = PlacementStatus.PROPOSED
    placement.full_clean()
    placement.save()
    PlacementEvent.objects.create(
        placement=placement,
        action="propose",
        from_status=PlacementStatus.PROPOSED,
        to_status=PlacementStatus.PROPOSED,
        actor=user,
    )
    log(
        company,
        "approdo.company.placement",
        user=user,
        data={"placement": placement.pk, "action": "propose", "capacity_override": overridden},
    )
    return placement


def _move(user, placement, action, reason="", ends_on=None):
    if action in NEEDS_REASON and not reason.strip():
        raise ReasonRequired
    locked = Placement.objects.select_for_update().get(pk=placement.pk)
    event = locked.move(action, user, reason.strip(), ends_on=ends_on)
    log(
        locked.company,
        "approdo.company.placement",
        user=user,
        data={"placement": locked.pk, "action": action, "reason": reason.strip()},
    )
    return event


@transaction.atomic
def company_decision(user, company, placement, accept, reason=""):
    """A company member accepts a proposed placement, or declines it with a reason."""
    if not Company.objects.visible_to(user).filter(pk=company.pk).exists():
        raise NotPermitted
    if placement.company_id != company.pk:
        raise NotPermitted
    return _move(user, placement, "accept" if accept else "decline", reason)


@transaction.atomic
def staff_move(user, placement, action, reason="", ends_on=None):
    """Start, suspend, resume, extend, complete or terminate (with a reason) a placement."""
    if PLACEMENT_TRANSITIONS[action][2] != "staff":
        raise NotPermitted
    if not manageable_placements(user).filter(pk=placement.pk).exists():
        raise NotPermitted
    return _move(user, placement, action, reason, ends_on)
