"""One function per placement action: propose (staff), accept or decline (company), and the
staff's lifecycle moves. Each checks who acts, locks the rows, moves and writes the audit log.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from companies import extensions, notifications
from companies.checklist import checklist
from companies.models import (
    Company,
    CompanyStatus,
    DocumentStatus,
    Placement,
    PlacementEvent,
    PlacementStatus,
)
from companies.models.placement import BY_COMPANY, NEEDS_REASON, OCCUPYING
from companies.services.errors import (
    CapacityExceeded,
    ChangedMeanwhile,
    CompanyNotApproved,
    DocumentsMissing,
    NotEnded,
    NotPermitted,
    ReasonRequired,
)
from companies.services.status import move_placement

__all__ = [
    "CapacityExceeded",
    "ChangedMeanwhile",
    "CompanyNotApproved",
    "DocumentsMissing",
    "NotEnded",
    "NotPermitted",
    "ReasonRequired",
    "company_decision",
    "propose",
    "record_outcome",
    "staff_move",
    "update_details",
    "withdraw",
]

# Details staff may correct while a placement runs; who, where and the lifecycle are not.
EDITABLE = [
    "position",
    "site",
    "weekly_hours",
    "schedule",
    "monthly_allowance",
    "project_tutor",
    "company_tutor_name",
    "company_tutor_role",
    "company_tutor_email",
    "company_tutor_phone",
    "workplace_notes",
]
# The period moves freely until the placement starts; afterwards only by an extension.
DATES = ["starts_on", "ends_on"]
NOT_STARTED = {PlacementStatus.PROPOSED, PlacementStatus.ACCEPTED}
ENDED = {PlacementStatus.COMPLETED, PlacementStatus.TERMINATED}


def default_allowance():
    """The allowance a new proposal starts from: the project's monthly maximum."""
    return Decimal(settings.APPRODO_MAX_MONTHLY_ALLOWANCE)


def missing_for_start(placement):
    """The company's missing documents, then each registered app's start conditions."""
    missing = list(missing_documents(placement.company))
    for condition in extensions.start_conditions:
        missing += condition(placement)
    return missing


def missing_documents(company):
    """Required document kinds due at the company's status and not accepted yet."""
    return [
        row.kind
        for row in checklist(company)
        if row.due and row.kind.required and row.state != DocumentStatus.ACCEPTED
    ]


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
    event = PlacementEvent.objects.create(
        placement=placement,
        action="propose",
        from_status=PlacementStatus.PROPOSED,
        to_status=PlacementStatus.PROPOSED,
        actor=user,
    )
    _log(user, placement, action="propose", capacity_override=overridden)
    transaction.on_commit(lambda: notifications.send_placement_event.enqueue(event.pk))
    return placement


def _move(user, placement, action, reason="", ends_on=None):
    if action in NEEDS_REASON and not reason.strip():
        raise ReasonRequired
    locked = Placement.objects.select_for_update().get(pk=placement.pk)
    event = move_placement(locked, action, user, reason.strip(), ends_on=ends_on)
    # The reason stays on the PlacementEvent, which anonymisation empties; the audit log
    # only records that one was given.
    _log(user, locked, action=action, reason_given=bool(reason.strip()))
    transaction.on_commit(lambda: notifications.send_placement_event.enqueue(event.pk))
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
    """Start, suspend, resume, extend, complete or terminate (with a reason) a placement.

    Starting needs the company's required documents accepted (DocumentsMissing otherwise).
    """
    if action in BY_COMPANY:
        raise NotPermitted
    if not Placement.objects.manageable_by(user).filter(pk=placement.pk).exists():
        raise NotPermitted
    if action == "start" and (missing := missing_for_start(placement)):
        raise DocumentsMissing(missing)
    return _move(user, placement, action, reason, ends_on)


@transaction.atomic
def withdraw(user, placement, reason):
    """Staff take back a proposed or accepted placement before it starts, with a reason.

    The company's place and the intern are free again (the intern may then be erased); the
    company's members are told by e-mail that the placement is withdrawn, without the
    reason, which stays with the staff like every staff reason. IllegalTransition once it
    has started or was already answered otherwise.
    """
    if not reason.strip():
        raise ReasonRequired
    locked = _lock_manageable(user, placement)
    return _move(user, locked, "withdraw", reason)


@transaction.atomic
def update_details(user, placement, loaded=None):
    """Saves staff corrections to a placement that has not ended (``EDITABLE`` fields only).

    ``placement`` carries the edited values; the stored row is locked, the corrections are
    copied onto it, validated and logged with the names of the fields that changed.
    ``loaded`` is the row's ``updated_at`` (ISO format) when the form was loaded: if it has
    changed since, ChangedMeanwhile is raised rather than undoing someone else's change.
    """
    locked = _lock_manageable(user, placement)
    if locked.status in ENDED:
        raise NotEnded
    if loaded and loaded != locked.updated_at.isoformat():
        raise ChangedMeanwhile
    changed = [
        name for name in EDITABLE + DATES if getattr(locked, name) != getattr(placement, name)
    ]
    if locked.status not in NOT_STARTED and set(changed) & set(DATES):
        raise ValidationError(
            {"ends_on": _("Once the placement has started, its end moves only by an extension.")}
        )
    for name in changed:
        setattr(locked, name, getattr(placement, name))
    locked.full_clean()
    locked.save()
    _log(user, locked, action="edit", fields=changed)
    return locked


@transaction.atomic
def record_outcome(user, placement, hired):
    """Records whether the company hired the intern after a completed or ended placement.

    ``hired`` is True, False or None (not known yet); the report counts the Trues.
    """
    locked = _lock_manageable(user, placement)
    if locked.status not in ENDED:
        raise NotEnded
    locked.hired_after = hired
    locked.save(update_fields=["hired_after", "updated_at"])
    _log(user, locked, action="outcome", hired=hired)
    return locked


def _lock_manageable(user, placement):
    """The placement's row, locked, if the user may act on it."""
    if not Placement.objects.manageable_by(user).filter(pk=placement.pk).exists():
        raise NotPermitted
    return Placement.objects.select_for_update().get(pk=placement.pk)


def _log(user, placement, **data):
    log(
        placement.company,
        "approdo.company.placement",
        user=user,
        data={"placement": placement.pk, **data},
    )
