"""One function per move along a path: refer, contact, enrol, start, complete, withdraw,
follow up (assessment and eligibility have their own modules).

Each checks the permission and the scope, locks the path's row, applies the move
(participants.models.PATH refuses illegal ones), writes the timeline entry and the audit
log (labelled with the pseudonymous code only), and queues the e-mail when somebody must act.
Two staff moving the same path at once: the second waits for the lock and is refused.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from participants import notifications
from participants.models import (
    PATH,
    ContractType,
    Enrolment,
    ExitOutcome,
    Participant,
    Path,
    PathEvent,
    PlannedActivity,
    Referral,
    Stage,
    WithdrawalReason,
)
from participants.models.path import FOLLOW_UP_AFTER
from participants.services.errors import NotPermitted


def check_scope(user, participant_id):
    """Refuses users without the permission or outside the person's scope."""
    if not user.has_perm("participants.manage_path"):
        raise NotPermitted
    if not Participant.objects.visible_to_staff(user).filter(pk=participant_id).exists():
        raise NotPermitted


def lock(user, path):
    """The path's row, locked, once the user's right to move it is checked."""
    check_scope(user, path.participant_id)
    return Path.objects.select_for_update().select_related("participant", "project").get(pk=path.pk)


def record(user, path, action, previous, **data):
    """The timeline entry, the audit-log entry and, where someone must act, the e-mail."""
    event = PathEvent.objects.create(
        path=path, action=action, from_stage=previous or "", to_stage=path.stage, actor=user
    )
    log(
        path.participant,
        "approdo.participant.path",
        user=user,
        title=path.participant.code,
        data={"path": path.pk, "project": path.project.code, "action": action, **data},
    )
    if action in notifications.NOTICES:
        transaction.on_commit(lambda: notifications.send_path_notice.enqueue(event.pk))
    return event


def move(user, path, action, **fields):
    """Locks, applies ``action``, sets ``fields`` and saves; callers are atomic."""
    locked = lock(user, path)
    previous, _target = PATH.apply(locked, action)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save()
    record(user, locked, action, previous)
    return locked


@transaction.atomic
def refer(
    user, participant, *, project, organisation, referred_on, contact_name="", contact_email=""
):
    """Records a referral and opens the person's path in ``project`` at "referred".

    ``participant`` is a new, unsaved Participant or one already on record (another
    project's path); a second path in the same project is refused.
    """
    if not user.has_perm("participants.add_participant"):
        raise NotPermitted
    if not user.is_superuser and not participant.territory.moderators.filter(pk=user.pk).exists():
        raise NotPermitted
    if participant.pk is None:
        participant.full_clean()
        participant.save()
    elif Path.objects.filter(participant=participant, project=project).exists():
        raise ValidationError(_("This person already has a path in this project."))
    referral = Referral.objects.create(
        participant=participant,
        organisation=organisation,
        referred_on=referred_on,
        contact_name=contact_name,
        contact_email=contact_email,
        created_by=user,
    )
    path = Path.objects.create(participant=participant, project=project, referral=referral)
    record(user, path, "refer", "", organisation=organisation.pk)
    return path


@transaction.atomic
def refer_many(
    user, people, *, project, organisation, referred_on, contact_name="", contact_email=""
):
    """Staff enter a list of referrals at once: all are stored, or none (the first error
    is raised with its row number)."""
    paths = []
    for number, participant in enumerate(people, start=1):
        try:
            paths.append(
                refer(
                    user,
                    participant,
                    project=project,
                    organisation=organisation,
                    referred_on=referred_on,
                    contact_name=contact_name,
                    contact_email=contact_email,
                )
            )
        except ValidationError as error:
            raise ValidationError(
                _("Row %(row)d: %(error)s") % {"row": number, "error": "; ".join(error.messages)}
            ) from error
    return paths


@transaction.atomic
def record_contact(user, path):
    """The operator reached the person."""
    return move(user, path, "contact")


@transaction.atomic
def enrol(user, path):
    """An eligible person joins the project; a minor only with the guardian's consent."""
    participant = Participant.objects.get(pk=path.participant_id)
    if participant.is_minor() and participant.guardian_consent_on is None:
        raise ValidationError(_("A person under 18 is enrolled only with a guardian's consent."))
    enrolled = move(user, path, "enrol")
    # Joining the project means joining the activities the plan foresees: their registers
    # list the person from now on.
    Enrolment.objects.bulk_create(
        [
            Enrolment(path=enrolled, activity_id=activity_id)
            for activity_id in PlannedActivity.objects.filter(plan__path=enrolled).values_list(
                "activity_id", flat=True
            )
        ],
        ignore_conflicts=True,
    )
    return enrolled


@transaction.atomic
def start(user, path):
    """The person begins the planned activities."""
    return move(user, path, "start")


def _exit_fields(exited_on, outcome, contract_type):
    if outcome not in ExitOutcome.values:
        raise ValidationError({"exit_outcome": _("Choose the outcome at exit.")})
    if outcome == ExitOutcome.EMPLOYED and contract_type not in ContractType.values:
        raise ValidationError({"contract_type": _("Choose the contract type.")})
    exited_on = exited_on or timezone.localdate()
    return {
        "exited_on": exited_on,
        "exit_outcome": outcome,
        "contract_type": contract_type if outcome == ExitOutcome.EMPLOYED else "",
        "follow_up_due": exited_on + FOLLOW_UP_AFTER,
    }


@transaction.atomic
def complete(user, path, *, outcome, contract_type="", exited_on=None):
    """The path ends as planned, with its outcome; the follow-up falls due six months later."""
    return move(user, path, "complete", **_exit_fields(exited_on, outcome, contract_type))


@transaction.atomic
def withdraw(user, path, *, reason, outcome, contract_type="", exited_on=None):
    """The path ends early, for a coded ``reason``; the follow-up still falls due."""
    if reason not in WithdrawalReason.values:
        raise ValidationError({"withdrawal_reason": _("Choose why the person withdrew.")})
    fields = _exit_fields(exited_on, outcome, contract_type)
    return move(user, path, "withdraw", withdrawal_reason=reason, **fields)


@transaction.atomic
def record_follow_up(user, path, *, outcome, contract_type=""):
    """The six-month follow-up: where the person is now."""
    if outcome not in ExitOutcome.values:
        raise ValidationError({"follow_up_outcome": _("Choose the outcome at follow-up.")})
    if outcome == ExitOutcome.EMPLOYED and contract_type not in ContractType.values:
        raise ValidationError({"follow_up_contract_type": _("Choose the contract type.")})
    return move(
        user,
        path,
        "follow_up",
        follow_up_outcome=outcome,
        follow_up_contract_type=contract_type if outcome == ExitOutcome.EMPLOYED else "",
    )


def follow_ups_due(user, on=None):
    """Paths of the user's caseload whose follow-up is due by ``on`` (default today)."""
    on = on or timezone.localdate()
    return (
        Path.objects.filter(
            participant__in=Participant.objects.visible_to_staff(user),
            stage__in=[Stage.COMPLETED, Stage.WITHDRAWN],
            follow_up_due__lte=on,
        )
        .select_related("participant", "project")
        .order_by("follow_up_due")
    )
