"""What a project is funded by, who runs it with whom, and how many people it must reach
where. Edited inline on the project (hence ParentalKey); read by the funding disclosure of
the public pages (projects.wagtail_hooks) and by the funder's reports."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable


class FundingKind(models.TextChoices):
    EU_ESF_PLUS = "eu_esf_plus", _("European Union – ESF+")
    REGION = "region", _("Region")
    MUNICIPALITY = "municipality", _("Municipality")
    FOUNDATION = "foundation", _("Foundation")
    OTHER = "other", _("Other")


# The kinds that oblige the project to show the EU emblem and statement.
EU_KINDS = {FundingKind.EU_ESF_PLUS}


class FundingSource(Orderable):
    """One funder's share of a project, e.g. "ESF+ via Regione Toscana, € 1,200,000"."""

    project = ParentalKey(
        "projects.Project", on_delete=models.CASCADE, related_name="funding_sources"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=FundingKind.choices)
    funder = models.CharField(
        _("funder"), max_length=200, help_text=_("e.g. Regione Toscana, Fondazione CR Firenze")
    )
    amount = models.DecimalField(
        _("amount (€)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")

    def __str__(self):
        return f"{self.funder} ({self.get_kind_display()})"


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    ASSOCIATE = "associate", _("Associate")
    DELEGATE = "delegate", _("Delegated body")


class Partnership(Orderable):
    """An organisation taking part in a project, and its role in it."""

    project = ParentalKey("projects.Project", on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(
        _("role"), max_length=12, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )
    tasks = models.CharField(
        _("tasks"), max_length=255, blank=True, help_text=_("e.g. guidance, company scouting")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"


class TerritoryTarget(Orderable):
    """How many people a project must reach in one of its territories."""

    project = ParentalKey(
        "projects.Project", on_delete=models.CASCADE, related_name="territory_targets"
    )
    territory = models.ForeignKey(
        "companies.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    people = models.PositiveIntegerField(_("target: people"))

    class Meta(Orderable.Meta):
        verbose_name = _("territory target")
        verbose_name_plural = _("territory targets")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "territory"], name="one_target_per_project_territory"
            )
        ]

    def __str__(self):
        return f"{self.territory}: {self.people}"
