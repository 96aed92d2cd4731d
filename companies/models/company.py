"""The host company and its dossier status, with the moves staff and companies make.

The moves are DOSSIER below (lifecycle.Machine); companies.services.status applies them,
stamps the dates and writes the timeline entry.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.capacity import capacity_for
from companies.querysets import CompanyQuerySet
from companies.validators import (
    ateco_section,
    ateco_title,
    validate_ateco,
    validate_codice_fiscale,
    validate_partita_iva,
)
from lifecycle import Machine, Transition


class CompanyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class LegalForm(models.TextChoices):
    SOLE_TRADER = "ditta_individuale", _("Sole trader (ditta individuale)")
    SNC = "snc", _("General partnership (s.n.c.)")
    SAS = "sas", _("Limited partnership (s.a.s.)")
    SRL = "srl", _("Limited company (s.r.l.)")
    SPA = "spa", _("Joint-stock company (s.p.a.)")
    COOPERATIVE = "cooperativa", _("Cooperative")
    SOCIAL_COOPERATIVE = "cooperativa_sociale", _("Social cooperative")
    ASSOCIATION = "associazione", _("Association or foundation")
    PUBLIC_BODY = "ente_pubblico", _("Public body")
    OTHER = "altro", _("Other")


DOSSIER = Machine(
    "status",
    Transition(
        "submit", {CompanyStatus.DRAFT, CompanyStatus.CHANGES_REQUESTED}, CompanyStatus.SUBMITTED
    ),
    Transition("request_changes", {CompanyStatus.SUBMITTED}, CompanyStatus.CHANGES_REQUESTED),
    Transition("approve", {CompanyStatus.SUBMITTED}, CompanyStatus.APPROVED),
    Transition("reject", {CompanyStatus.SUBMITTED}, CompanyStatus.REJECTED),
)
EDITABLE = {CompanyStatus.DRAFT, CompanyStatus.CHANGES_REQUESTED}

PROVINCE = RegexValidator(r"^[A-Z]{2}$", _("Use the two-letter province code (e.g. SI)."))
CAP = RegexValidator(r"^\d{5}$", _("A CAP has five digits."))


class Company(models.Model):
    """A host company's dossier: identity, registered office, territory and review status."""

    legal_name = models.CharField(_("legal name"), max_length=255)
    legal_form = models.CharField(_("legal form"), max_length=30, choices=LegalForm.choices)
    codice_fiscale = models.CharField(
        _("codice fiscale"), max_length=16, validators=[validate_codice_fiscale]
    )
    partita_iva = models.CharField(
        _("partita IVA"), max_length=11, unique=True, validators=[validate_partita_iva]
    )
    ateco_code = models.CharField(_("ATECO 2025 code"), max_length=8, validators=[validate_ateco])
    # Derived from ateco_code on save, stored so that staff can filter the queue by sector.
    ateco_section = models.CharField(
        _("ATECO section"), max_length=1, blank=True, editable=False, db_index=True
    )
    headcount = models.PositiveIntegerField(_("employees"))
    address = models.CharField(_("registered office address"), max_length=255)
    cap = models.CharField(_("CAP"), max_length=5, validators=[CAP])
    comune = models.CharField(_("comune"), max_length=120)
    provincia = models.CharField(_("province"), max_length=2, validators=[PROVINCE])
    pec = models.EmailField(_("PEC"))
    phone = models.CharField(_("phone"), max_length=40)
    legal_representative = models.CharField(_("legal representative"), max_length=160)
    territory = models.ForeignKey(
        "companies.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="companies",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CompanyStatus.choices, default=CompanyStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["legal_name"]
        indexes = [
            models.Index(fields=["status", "submitted_at"]),
            # The staff queue: one territory's companies in a status, oldest first.
            models.Index(fields=["territory", "status", "submitted_at"]),
        ]
        permissions = [
            ("review_company", _("Can decide on host companies' dossiers")),
            ("review_document", _("Can download and review host companies' documents")),
        ]

    def __str__(self):
        return self.legal_name

    def save(self, *args, **kwargs):
        self.ateco_section = ateco_section(self.ateco_code)
        if "update_fields" in kwargs and "ateco_code" in (kwargs["update_fields"] or ()):
            kwargs["update_fields"] = {*kwargs["update_fields"], "ateco_section"}
        super().save(*args, **kwargs)

    # --- derived facts ------------------------------------------------------------------

    @property
    def is_editable(self):
        """Companies edit their dossier only while it is a draft or changes were requested."""
        return self.status in EDITABLE

    @property
    def capacity(self):
        return capacity_for(self.headcount)

    @property
    def ateco_title(self):
        return ateco_title(self.ateco_code)


class CompanyEvent(models.Model):
    """One entry of the dossier's timeline: a status change and the message that came with it."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("from"), max_length=20, choices=CompanyStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=CompanyStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("company event")
        verbose_name_plural = _("company events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.company}: {self.from_status} → {self.to_status}"
