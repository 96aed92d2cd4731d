"""Everything Approdo stores about one participant, as JSON, for their right of access.

Participants have no account, so staff export it on request from the person's page. The
export follows the tables of participants/models (and the internship months of their
placements): when a table is added, add it here too
(tests/participants/test_export.py lists every model of the app and fails on a new one).
"""

from django.utils import timezone

from participants.models import (
    Attendance,
    AttendanceAdjustment,
    Attestation,
    EligibilityCheck,
    Enrolment,
    IndividualPlan,
    InternshipAdjustment,
    InternshipMonth,
    Participant,
    ParticipantView,
    Path,
    PathEvent,
    PlannedActivity,
    Referral,
)

# The models the export covers; the rest of the app holds nothing about a person.
COVERED = {
    Participant,
    Referral,
    Path,
    PathEvent,
    EligibilityCheck,
    Attestation,
    IndividualPlan,
    PlannedActivity,
    Enrolment,
    Attendance,
    AttendanceAdjustment,
    InternshipMonth,
    InternshipAdjustment,
    ParticipantView,
}


# Apps above this one that hold more about a person add their part: ``fn(person)`` answers
# (key, JSON-ready value) or None (see register_section).
_SECTIONS = []


def register_section(section):
    """Adds ``section(person)`` to every export (called from an app's ``ready()``)."""
    if section not in _SECTIONS:
        _SECTIONS.append(section)


def _rows(queryset, *fields):
    return list(queryset.order_by("pk").values(*fields))


def personal_data(person):
    """A JSON-ready dict of the person's record, paths and everything recorded on them."""
    paths = Path.objects.filter(participant=person)
    months = InternshipMonth.objects.filter(placement__participant=person)
    data = {
        "exported_at": timezone.now(),
        "person": _rows(
            Participant.objects.filter(pk=person.pk),
            "code",
            "given_name",
            "family_name",
            "preferred_name",
            "phone",
            "email",
            "preferred_language",
            "date_of_birth",
            "municipality__name",
            "territory__name",
            "operator__email",
            "guardian_name",
            "guardian_consent_on",
            "gender",
            "labour_status",
            "education_level",
            "household",
            "created_at",
        )[0],
        "referrals": _rows(
            Referral.objects.filter(participant=person),
            "organisation__name",
            "referred_on",
            "contact_name",
            "contact_email",
        ),
        "paths": _rows(
            paths,
            "pk",
            "project__name",
            "stage",
            "withdrawal_reason",
            "exited_on",
            "exit_outcome",
            "contract_type",
            "follow_up_due",
            "follow_up_outcome",
            "follow_up_contract_type",
            "created_at",
        ),
        "timeline": _rows(
            PathEvent.objects.filter(path__in=paths),
            "path",
            "action",
            "from_stage",
            "to_stage",
            "actor__email",
            "created_at",
        ),
        "eligibility_checks": _rows(
            EligibilityCheck.objects.filter(path__in=paths),
            "pk",
            "path",
            "checked_on",
            "eligible",
            "failed_rules",
        ),
        "attestations": _rows(
            Attestation.objects.filter(check_record__path__in=paths),
            "check_record",
            "question__text",
            "answer",
            "attested_by",
            "attested_on",
        ),
        "plans": _rows(
            IndividualPlan.objects.filter(path__in=paths), "path", "assessed_on", "members", "goals"
        ),
        "planned_activities": _rows(
            PlannedActivity.objects.filter(plan__path__in=paths),
            "plan__path",
            "activity__name",
            "planned_hours",
        ),
        "enrolments": _rows(
            Enrolment.objects.filter(path__in=paths), "path", "activity__name", "enrolled_on"
        ),
        "attendance": _rows(
            Attendance.objects.filter(path__in=paths),
            "pk",
            "path",
            "session__activity__name",
            "session__date",
            "presence",
            "hours",
        ),
        "attendance_adjustments": _rows(
            AttendanceAdjustment.objects.filter(attendance__path__in=paths),
            "attendance",
            "presence",
            "hours",
            "hours_delta",
            "reason",
            "made_at",
        ),
        "internship_months": _rows(
            months,
            "pk",
            "placement__company__legal_name",
            "month",
            "days",
            "hours",
            "confirmer",
            "confirmed_at",
            "countersigner",
            "countersigned_at",
        ),
        "internship_adjustments": _rows(
            InternshipAdjustment.objects.filter(month__in=months),
            "month",
            "days",
            "hours",
            "reason",
            "made_at",
        ),
        "page_views": _rows(
            ParticipantView.objects.filter(participant=person), "viewer", "viewed_at"
        ),
    }
    for section in _SECTIONS:
        found = section(person)
        if found is not None:
            data[found[0]] = found[1]
    return data
