"""The two moves that write a timeline entry: a dossier's and a placement's.

The maps are the machines declared on the models (DOSSIER, PLACEMENT), which refuse a move
the current status does not allow with lifecycle.IllegalTransition before anything is
saved. These functions apply one move, set what changes with it, save and write the
timeline entry; callers hold the row lock, check who acts and write the audit log.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from companies.models import DOSSIER, PLACEMENT, CompanyEvent, CompanyStatus, PlacementEvent

DECIDED = {CompanyStatus.APPROVED, CompanyStatus.REJECTED}


def move_company(company, action, actor=None, message=""):
    """Moves the dossier by ``action``, stamps when it was sent or decided, returns the event."""
    previous, target = DOSSIER.apply(company, action)
    now = timezone.now()
    if action == "submit":
        company.submitted_at = now
    elif target in DECIDED:
        company.decided_at = now
    company.save(update_fields=["status", "submitted_at", "decided_at", "updated_at"])
    return CompanyEvent.objects.create(
        company=company,
        from_status=previous,
        to_status=target,
        actor=actor,
        message=message,
        created_at=now,
    )


def move_placement(placement, action, actor, reason="", ends_on=None):
    """Moves the placement by ``action`` (an extension to ``ends_on``), returns the event."""
    previous, target = PLACEMENT.apply(placement, action)
    if reason:
        placement.reason = reason
    if action == "extend":
        if ends_on is None or ends_on <= placement.ends_on:
            raise ValidationError({"ends_on": _("The new end must come after the current one.")})
        placement.ends_on = ends_on
    placement.save(update_fields=["status", "reason", "ends_on", "updated_at"])
    return PlacementEvent.objects.create(
        placement=placement,
        action=action,
        from_status=previous,
        to_status=target,
        actor=actor,
        message=reason,
    )
