"""Hand-built paths with their timelines, for the results tests."""

import datetime
import zoneinfo

from participants.models import PathEvent, Stage
from tests.factories.participants import PathFactory

ROME = zoneinfo.ZoneInfo("Europe/Rome")
MARCH = datetime.datetime(2026, 3, 10, 10, tzinfo=ROME)
APRIL = datetime.datetime(2026, 4, 10, 10, tzinfo=ROME)

# The steps from referral to each final stage: (action, from, to).
ENROLMENT = [
    ("contact", Stage.REFERRED, Stage.CONTACTED),
    ("assess", Stage.CONTACTED, Stage.ASSESSED),
    ("find_eligible", Stage.ASSESSED, Stage.ELIGIBLE),
    ("enrol", Stage.ELIGIBLE, Stage.ENROLLED),
]
STEPS = {
    Stage.ELIGIBLE: ENROLMENT[:3],
    Stage.ENROLLED: ENROLMENT,
    Stage.ACTIVE: [*ENROLMENT, ("start", Stage.ENROLLED, Stage.ACTIVE)],
    Stage.COMPLETED: [
        *ENROLMENT,
        ("start", Stage.ENROLLED, Stage.ACTIVE),
        ("complete", Stage.ACTIVE, Stage.COMPLETED),
    ],
    Stage.WITHDRAWN: [
        *ENROLMENT,
        ("start", Stage.ENROLLED, Stage.ACTIVE),
        ("withdraw", Stage.ACTIVE, Stage.WITHDRAWN),
    ],
    # Withdrew before being enrolled: never supported, never counted.
    "withdrawn_early": [*ENROLMENT[:3], ("withdraw", Stage.ELIGIBLE, Stage.WITHDRAWN)],
    Stage.FOLLOWED_UP: [
        *ENROLMENT,
        ("start", Stage.ENROLLED, Stage.ACTIVE),
        ("complete", Stage.ACTIVE, Stage.COMPLETED),
        ("follow_up", Stage.COMPLETED, Stage.FOLLOWED_UP),
    ],
}


def person(project, territory, stage, *, gender="", when=MARCH, ended=None, **path):
    """A path of ``project`` that went through ``STEPS[stage]``: all on ``when``, the exit
    step on ``ended`` when given."""
    final = Stage.WITHDRAWN if stage == "withdrawn_early" else stage
    made = PathFactory(
        project=project,
        participant__territory=territory,
        participant__gender=gender,
        stage=final,
        **path,
    )
    steps = STEPS[stage]
    PathEvent.objects.bulk_create(
        PathEvent(
            path=made,
            action=action,
            from_stage=source,
            to_stage=target,
            created_at=ended if ended and action in ("complete", "withdraw") else when,
        )
        for action, source, target in steps
    )
    return made


def people(count, project, territory, stage, **kwargs):
    return [person(project, territory, stage, **kwargs) for _ in range(count)]
