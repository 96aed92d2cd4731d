"""The person on a path: the minimum a project needs to know, and who looked at it.

There is deliberately no field for health, disability, addiction, judicial matters,
migration status, violence or any target group, and none may be added
(tests/participants/test_models.py fails on such a field name). Eligibility is stored as
who attested what and when (participants.models.eligibility), never as a category.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.models.entry import EntryData
from participants.querysets import ParticipantQuerySet


def new_code():
    """A pseudonymous code for logs, exports and reports, e.g. "PAR-7KQ2M9"."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "PAR-" + "".join(secrets.choice(alphabet) for _ in range(6))


class Participant(EntryData, models.Model):
    """A person following a path in one or more projects (with the Annex I entry fields)."""

    given_name = models.CharField(_("given name"), max_length=80)
    family_name = models.CharField(_("family name"), max_length=80)
    preferred_name = models.CharField(_("preferred name"), max_length=80, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="it"
    )
    # For age rules only: companies never see it.
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    municipality = models.ForeignKey(
        "projects.Municipality",
        verbose_name=_("municipality of residence"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    territory = models.ForeignKey(
        "companies.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="participants",
    )
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("case operator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload",
        limit_choices_to={"is_staff": True},
    )
    guardian_consent_on = models.DateField(
        _("guardian's consent given on"),
        null=True,
        blank=True,
        help_text=_("Required for people under 18."),
    )
    guardian_name = models.CharField(_("guardian"), max_length=160, blank=True)
    code = models.CharField(_("pseudonymous code"), max_length=12, unique=True, default=new_code)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["family_name", "given_name", "pk"]
        # The list's default order, and the territory scope in it.
        indexes = [
            models.Index(fields=["family_name", "given_name", "id"]),
            models.Index(fields=["territory", "family_name", "given_name", "id"]),
        ]
        permissions = [
            ("manage_path", _("Can move participants along their path")),
            ("export_participant", _("Can export a participant's data")),
        ]

    def __str__(self):
        # The code, not the name: this is what audit-log labels, choosers and logs keep.
        return self.code

    @property
    def display_name(self):
        return self.preferred_name or self.given_name

    def is_minor(self, on=None):
        from projects.eligibility import age_on

        if self.date_of_birth is None:
            return False
        return age_on(self.date_of_birth, on or timezone.localdate()) < 18


class Referral(models.Model):
    """A service sends a person to a project: who, when, through whom."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="referrals")
    organisation = models.ForeignKey(
        "projects.ReferringOrganisation",
        verbose_name=_("referring organisation"),
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    referred_on = models.DateField(_("referred on"))
    contact_name = models.CharField(_("referring contact"), max_length=160, blank=True)
    contact_email = models.EmailField(_("referring contact's e-mail"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-referred_on", "-pk"]

    def __str__(self):
        return f"{self.participant.code} ← {self.organisation} ({self.referred_on})"


class ParticipantView(models.Model):
    """Every time a staff user opens a participant's page: who, when."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="views")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept if the account is later deleted: the log must still say who looked.
    viewer = models.CharField(_("viewer"), max_length=254, blank=True)
    viewed_at = models.DateTimeField(_("viewed"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("participant page view")
        verbose_name_plural = _("participant page views")
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.viewer} · {self.participant_id} · {self.viewed_at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, user, participant):
        """Logs that ``user`` opened a screen showing ``participant``'s data."""
        return cls.objects.create(participant=participant, user=user, viewer=user.get_username())
