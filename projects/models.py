"""Funded projects and the rules that decide who may join them.

A project (e.g. the FSE+ one in the Apuane area) has a funder, a period and optional
targets, and per-project eligibility rules that staff configure: an age range, the
municipalities people must live in, the referring organisations it accepts, and yes/no
questions that somebody attests ("receives the Assegno di Inclusione", "enrolled in GOL").
The questions are about programmes and conditions a rule names, never about a
vulnerability: the path records who attested an answer and when, never a category.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel

# The Codice Unico di Progetto the funder assigns: 15 letters and digits.
CUP_VALIDATOR = RegexValidator(
    r"^[A-Z0-9]{15}$", _("A CUP is 15 capital letters and digits, e.g. D12H23000450006.")
)


class Municipality(models.Model):
    """A comune people may live in; projects list those they serve."""

    name = models.CharField(_("name"), max_length=120)
    province = models.CharField(_("province"), max_length=2, blank=True)
    istat_code = models.CharField(_("ISTAT code"), max_length=6, blank=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "province"], name="unique_municipality")
        ]

    def __str__(self):
        return f"{self.name} ({self.province})" if self.province else self.name


class OrganisationKind(models.TextChoices):
    SOCIAL_SERVICES = "social_services", _("Social services")
    MENTAL_HEALTH = "mental_health_service", _("Mental-health service")
    ADDICTION = "addiction_service", _("Addiction service")
    PROBATION = "probation_office", _("Probation office")
    JOB_CENTRE = "job_centre", _("Job centre")
    RECEPTION = "reception_centre", _("Reception centre")
    OTHER = "other", _("Other")


class ReferringOrganisation(models.Model):
    """A service that refers people to the projects (a configurable list).

    The kind describes the organisation, not the person: it is never copied onto a person's
    record and never shown to companies.
    """

    name = models.CharField(_("name"), max_length=160, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=OrganisationKind.choices)
    territory = models.ForeignKey(
        "companies.Territory",
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("referring organisation")
        verbose_name_plural = _("referring organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Project(ClusterableModel):
    """A funded project people follow a path in: its funding, partners, targets and
    eligibility rules. Its sources (projects.funding) decide whether the EU emblem shows."""

    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    cup = models.CharField(
        _("CUP"),
        max_length=15,
        blank=True,
        validators=[CUP_VALIDATOR],
        help_text=_("e.g. D12H23000450006"),
    )
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    programme = models.CharField(
        _("funding programme"),
        max_length=255,
        blank=True,
        help_text=_("e.g. PR FSE+ Toscana 2021–2027, Priority 3, Action 3.k.1"),
    )
    page = models.ForeignKey(
        "home.ProjectPage",
        verbose_name=_("public project page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page that presents this project; its translations follow it."),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    target_people = models.PositiveIntegerField(_("target: people"), null=True, blank=True)
    target_women_percent = models.PositiveSmallIntegerField(
        _("target: women (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    target_internships = models.PositiveIntegerField(
        _("target: internships"), null=True, blank=True
    )
    target_hires = models.PositiveIntegerField(_("target: hires"), null=True, blank=True)
    target_hours = models.PositiveIntegerField(_("target: hours per person"), null=True, blank=True)
    territories = models.ManyToManyField(
        "companies.Territory", verbose_name=_("territories"), blank=True, related_name="+"
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("municipalities of residence"),
        blank=True,
        related_name="projects",
        help_text=_("People must live in one of these; empty means anywhere."),
    )
    authorised_referrers = models.ManyToManyField(
        ReferringOrganisation,
        verbose_name=_("authorised referring organisations"),
        blank=True,
        related_name="projects",
        help_text=_("People must be referred by one of these; empty means any."),
    )

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-starts_on", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            errors["ends_on"] = _("The end must come after the start.")
        if self.min_age is not None and self.max_age is not None and self.max_age < self.min_age:
            errors["max_age"] = _("The maximum age cannot be below the minimum age.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_eu_funds(self):
        """Whether any source is an EU fund: only then may the EU emblem show."""
        from projects.funding import EU_KINDS

        return any(source.kind in EU_KINDS for source in self.funding_sources.all())

    @property
    def funding_total(self):
        return sum((source.amount for source in self.funding_sources.all()), 0)


class EligibilityQuestion(models.Model):
    """A yes/no statement somebody attests for each person, e.g. "Receives the ADI".

    ``excludes_when`` is the answer that makes a person not eligible: True for exclusions
    ("receives ADI", "enrolled in GOL"), False for requirements ("is unemployed").
    """

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(_("statement"), max_length=200)
    excludes_when = models.BooleanField(
        _("excludes when the answer is"),
        default=True,
        choices=[(True, _("yes")), (False, _("no"))],
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("eligibility question")
        verbose_name_plural = _("eligibility questions")
        ordering = ["project", "sort_order", "pk"]

    def __str__(self):
        return self.text


# The project's funding, partners and per-territory targets live in their own module.
from projects.funding import FundingSource, Partnership, TerritoryTarget  # noqa: E402

__all__ = [
    "EligibilityQuestion",
    "FundingSource",
    "Municipality",
    "Partnership",
    "Project",
    "ReferringOrganisation",
    "TerritoryTarget",
]
