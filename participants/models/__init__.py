"""Models of the person's path, one module per concept."""

from participants.models.activities import (
    Activity,
    ActivityKind,
    Attendance,
    AttendanceAdjustment,
    Enrolment,
    MonthLock,
    Presence,
    Session,
)
from participants.models.eligibility import Attestation, EligibilityCheck
from participants.models.entry import (
    AgeBand,
    EducationLevel,
    Gender,
    Household,
    LabourStatus,
    age_band,
)
from participants.models.internship import InternshipAdjustment, InternshipMonth
from participants.models.path import (
    PATH,
    ContractType,
    ExitOutcome,
    Path,
    PathEvent,
    Stage,
    WithdrawalReason,
)
from participants.models.person import Participant, ParticipantView, Referral
from participants.models.plan import IndividualPlan, PlannedActivity

__all__ = [
    "PATH",
    "Activity",
    "ActivityKind",
    "AgeBand",
    "Attendance",
    "AttendanceAdjustment",
    "Attestation",
    "ContractType",
    "EducationLevel",
    "EligibilityCheck",
    "Enrolment",
    "ExitOutcome",
    "Gender",
    "Household",
    "IndividualPlan",
    "InternshipAdjustment",
    "InternshipMonth",
    "LabourStatus",
    "MonthLock",
    "Participant",
    "ParticipantView",
    "Path",
    "PathEvent",
    "PlannedActivity",
    "Presence",
    "Referral",
    "Session",
    "Stage",
    "WithdrawalReason",
    "age_band",
]
