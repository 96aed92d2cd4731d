"""A participant's path in one project, as stages with the moves between them.

referred → contacted → assessed → eligible / not eligible → enrolled → active →
completed / withdrawn → followed up. The map is PATH below (lifecycle.Machine); each move
is one service function in participants.services.path and one PathEvent on the timeline.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lifecycle import Machine, Transition

FOLLOW_UP_AFTER = datetime.timedelta(days=183)  # six months


class Stage(models.TextChoices):
    REFERRED = "referred", _("Referred")
    CONTACTED = "contacted", _("Contacted")
    ASSESSED = "assessed", _("Assessed")
    ELIGIBLE = "eligible", _("Eligible")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    ENROLLED = "enrolled", _("Enrolled")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    FOLLOWED_UP = "followed_up", _("Followed up")


S = Stage
BEFORE_EXIT = {S.REFERRED, S.CONTACTED, S.ASSESSED, S.ELIGIBLE, S.ENROLLED, S.ACTIVE}

PATH = Machine(
    "stage",
    Transition("contact", {S.REFERRED}, S.CONTACTED, _("Record first contact")),
    Transition("assess", {S.CONTACTED}, S.ASSESSED, _("Record the assessment")),
    Transition("find_eligible", {S.ASSESSED, S.NOT_ELIGIBLE}, S.ELIGIBLE, _("Eligible")),
    Transition("find_not_eligible", {S.ASSESSED}, S.NOT_ELIGIBLE, _("Not eligible")),
    Transition("enrol", {S.ELIGIBLE}, S.ENROLLED, _("Enrol")),
    Transition("start", {S.ENROLLED}, S.ACTIVE, _("Start the path")),
    Transition("complete", {S.ACTIVE}, S.COMPLETED, _("Complete")),
    Transition("withdraw", BEFORE_EXIT, S.WITHDRAWN, _("Withdraw")),
    Transition("follow_up", {S.COMPLETED, S.WITHDRAWN}, S.FOLLOWED_UP, _("Record follow-up")),
)


class WithdrawalReason(models.TextChoices):
    """Why a path ended early: codes for reports, never the person's story."""

    FOUND_WORK = "found_work", _("Found work")
    PERSONAL = "personal", _("Personal or family reasons")
    MOVED = "moved", _("Moved away")
    UNREACHABLE = "unreachable", _("No longer reachable")
    OTHER_PROGRAMME = "other_programme", _("Joined another programme")
    DECLINED = "declined", _("No longer wishes to take part")
    OTHER = "other", _("Other")


class ExitOutcome(models.TextChoices):
    EMPLOYED = "employed", _("Employed")
    EDUCATION = "education", _("In education or training")
    LOOKING = "looking", _("Looking for work")
    OTHER = "other", _("Other")


class ContractType(models.TextChoices):
    OPEN_ENDED = "open_ended", _("Open-ended")
    FIXED_TERM = "fixed_term", _("Fixed-term")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    SELF_EMPLOYED = "self_employed", _("Self-employed")
    OTHER = "other", _("Other")


class Path(models.Model):
    """One participant in one project, from referral to follow-up."""

    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="paths",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="paths",
    )
    referral = models.ForeignKey(
        "participants.Referral",
        verbose_name=_("referral"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paths",
    )
    stage = models.CharField(
        _("stage"), max_length=14, choices=Stage.choices, default=Stage.REFERRED, db_index=True
    )
    withdrawal_reason = models.CharField(
        _("withdrawal reason"), max_length=16, choices=WithdrawalReason.choices, blank=True
    )
    exited_on = models.DateField(_("exit date"), null=True, blank=True)
    exit_outcome = models.CharField(
        _("outcome at exit"), max_length=10, choices=ExitOutcome.choices, blank=True
    )
    contract_type = models.CharField(
        _("contract type"), max_length=16, choices=ContractType.choices, blank=True
    )
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True, db_index=True)
    follow_up_outcome = models.CharField(
        _("outcome at follow-up"), max_length=10, choices=ExitOutcome.choices, blank=True
    )
    follow_up_contract_type = models.CharField(
        _("contract type at follow-up"), max_length=16, choices=ContractType.choices, blank=True
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("path")
        verbose_name_plural = _("paths")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "project"], name="one_path_per_project")
        ]

    def __str__(self):
        return f"{self.participant.code} · {self.project.code} ({self.get_stage_display()})"

    @property
    def available_moves(self):
        return PATH.available(self)


class PathEvent(models.Model):
    """One step of a path: the move, who took it, when; the person's timeline."""

    path = models.ForeignKey(Path, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20)
    from_stage = models.CharField(_("from"), max_length=14, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=14, choices=Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("path event")
        verbose_name_plural = _("path events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.path_id}: {self.action} → {self.to_stage}"

    @property
    def label(self):
        if self.action in PATH.transitions:
            return PATH[self.action].label
        return _("Referred")
