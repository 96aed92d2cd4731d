"""Placements of participants with host companies.

The person is a ``participants.Participant``, named by string so that this app does not
depend on that one's code. In the company the person is the intern ("tirocinante"), and a
company sees only the intern card (companies.views.interns): the preferred name, never the
date of birth. There is deliberately no field for health, disability, criminal record,
migration status or target group, and none may be added: tests/companies/test_placements.py
fails on such a field.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.querysets import PlacementQuerySet
from lifecycle import Machine, Transition

DEFAULT_LENGTH = datetime.timedelta(days=183)  # six months


def new_code():
    """The former interns' code default, e.g. "TIR-7KQ2M9": migration 0013 names it.

    Those codes live on as the participants' codes (0024)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "TIR-" + "".join(secrets.choice(alphabet) for _ in range(6))


class PlacementStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted by the company")
    DECLINED = "declined", _("Declined by the company")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    COMPLETED = "completed", _("Completed")
    TERMINATED = "terminated", _("Ended early")
    WITHDRAWN = "withdrawn", _("Withdrawn by the project")


# Placements that take one of the company's places while they last.
OCCUPYING = {
    PlacementStatus.PROPOSED,
    PlacementStatus.ACCEPTED,
    PlacementStatus.ACTIVE,
    PlacementStatus.SUSPENDED,
}

P = PlacementStatus
# The life of a placement; companies.services.status applies a move and writes its event.
PLACEMENT = Machine(
    "status",
    Transition("accept", {P.PROPOSED}, P.ACCEPTED),
    Transition("decline", {P.PROPOSED}, P.DECLINED),
    Transition("start", {P.ACCEPTED}, P.ACTIVE),
    # Before it starts staff may take a proposal back: the place is freed, the intern too.
    Transition("withdraw", {P.PROPOSED, P.ACCEPTED}, P.WITHDRAWN),
    Transition("suspend", {P.ACTIVE}, P.SUSPENDED),
    Transition("resume", {P.SUSPENDED}, P.ACTIVE),
    Transition("extend", {P.ACTIVE}, P.ACTIVE),
    Transition("complete", {P.ACTIVE}, P.COMPLETED),
    Transition("terminate", {P.ACTIVE, P.SUSPENDED}, P.TERMINATED),
)
# The company answers a proposal; every other move is the staff's.
BY_COMPANY = frozenset({"accept", "decline"})
NEEDS_REASON = {"decline", "terminate", "withdraw"}


def default_end(start):
    return start + DEFAULT_LENGTH


class Placement(models.Model):
    """A participant interning at a company, on a position and site, for a period, with two
    tutors."""

    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("intern"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    company = models.ForeignKey(
        "companies.Company",
        verbose_name=_("company"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    position = models.ForeignKey(
        "companies.Position",
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="placements",
    )
    site = models.ForeignKey(
        "companies.OperatingSite",
        verbose_name=_("site"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    weekly_hours = models.PositiveSmallIntegerField(
        _("hours per week"), validators=[MinValueValidator(1)]
    )
    schedule = models.CharField(_("schedule"), max_length=200)
    monthly_allowance = models.DecimalField(
        _("monthly allowance (€)"), max_digits=7, decimal_places=2
    )
    project_tutor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("project tutor"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="tutored_placements",
    )
    company_tutor_name = models.CharField(_("company tutor"), max_length=160)
    company_tutor_role = models.CharField(_("company tutor's role"), max_length=120, blank=True)
    company_tutor_email = models.EmailField(_("company tutor's e-mail"), blank=True)
    company_tutor_phone = models.CharField(_("company tutor's phone"), max_length=40, blank=True)
    workplace_notes = models.TextField(
        _("workplace notes for the company"),
        blank=True,
        help_text=_(
            "What the company should arrange (e.g. a quiet workstation, written instructions). "
            "Never a diagnosis."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=PlacementStatus.choices,
        default=PlacementStatus.PROPOSED,
    )
    reason = models.TextField(_("reason"), blank=True)
    hired_after = models.BooleanField(
        _("hired after the internship"),
        null=True,
        blank=True,
        help_text=_("Recorded by staff once the placement has ended; empty while unknown."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-starts_on", "-pk"]
        permissions = [
            ("manage_placement", _("Can propose and manage placements")),
            ("override_capacity", _("Can place beyond a company's capacity where rules allow")),
            ("view_report", _("Can read the project report (aggregates only)")),
        ]

    def __str__(self):
        return f"{self.participant.code} · {self.company} ({self.get_status_display()})"

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            errors["ends_on"] = _("The end must come after the start.")
        cap = settings.APPRODO_MAX_MONTHLY_ALLOWANCE
        if self.monthly_allowance is not None and self.monthly_allowance > cap:
            errors["monthly_allowance"] = _("The allowance cannot exceed €%(cap)s a month.") % {
                "cap": cap
            }
        if self.monthly_allowance is not None and self.monthly_allowance < 0:
            errors["monthly_allowance"] = _("The allowance cannot be negative.")
        if self.site_id and self.company_id and self.site.company_id != self.company_id:
            errors["site"] = _("Choose one of the company's own sites.")
        if self.position_id and self.company_id and self.position.company_id != self.company_id:
            errors["position"] = _("Choose one of the company's own positions.")
        if errors:
            raise ValidationError(errors)


class PlacementEvent(models.Model):
    """One step of a placement's life, with who took it and why."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=12)
    from_status = models.CharField(max_length=12, choices=PlacementStatus.choices)
    to_status = models.CharField(max_length=12, choices=PlacementStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        # The project report finds its first and last year through this index instead of
        # reading every step (companies/project_report.py, event_years).
        indexes = [models.Index(fields=["created_at"], name="placementevent_created")]

    def __str__(self):
        return f"{self.placement_id}: {self.action} → {self.to_status}"


class InternCardView(models.Model):
    """Every time a company user opens an intern card: who, when, which placement.

    Staff read it on the participant's page (through the placement); companies never see it.
    """

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="card_views")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Who it was, kept if the account is later deleted: the log must still say who looked.
    viewer = models.CharField(_("viewer"), max_length=254, blank=True)
    viewed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("intern card view")
        verbose_name_plural = _("intern card views")
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.viewer or self.user} · {self.placement_id} · {self.viewed_at:%Y-%m-%d %H:%M}"


def people():
    """The placements' people (``participants.Participant``), reached through the relation
    so that this app imports nothing of that one; their ``visible_to_staff`` is the rule
    of who may see whom."""
    return Placement._meta.get_field("participant").related_model
