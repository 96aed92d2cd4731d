"""The équipe's assessment and the individual plan, recorded in one step."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from participants.models import ActivityKind, IndividualPlan, PlannedActivity
from participants.services.path import move


@transaction.atomic
def record_assessment(user, path, *, assessed_on, members, goals, planned):
    """Records the assessment and the plan, and moves the path to "assessed".

    ``planned`` is a list of (activity, hours) from the path's project catalogue.
    """
    if not members.strip() or not goals.strip():
        raise ValidationError(_("Say who took part in the assessment and what the plan aims for."))
    if any(activity.project_id != path.project_id for activity, _hours in planned):
        raise ValidationError(_("Plan only activities of the person's project."))
    if any(hours is None or hours < 0 for _activity, hours in planned):
        raise ValidationError(_("Planned hours cannot be negative."))
    # The months a host company confirms count towards the path's internship activity: with
    # two of them in one plan the same hours would be counted twice.
    if sum(activity.kind == ActivityKind.INTERNSHIP for activity, _hours in planned) > 1:
        raise ValidationError(_("A plan has at most one internship activity."))
    locked = move(user, path, "assess")
    plan = IndividualPlan.objects.create(
        path=locked,
        assessed_on=assessed_on,
        members=members.strip(),
        goals=goals.strip(),
        created_by=user,
    )
    PlannedActivity.objects.bulk_create(
        PlannedActivity(plan=plan, activity=activity, planned_hours=hours)
        for activity, hours in planned
    )
    return plan
