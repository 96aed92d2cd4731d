"""Projects and their partners: a territory runs successive projects, each with its own pages."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import BodyBlock


@register_snippet
class Partner(TranslatableMixin, models.Model):
    """A project partner (municipality, health authority, cooperative, employers' body)."""

    name = models.CharField(_("name"), max_length=160)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("website"), blank=True)
    role = models.CharField(
        _("role"), max_length=160, blank=True, help_text=_("e.g. lead partner, employment services")
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("logo"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProjectPageFields(models.Model):
    """The facts a funder and a visitor look for on a project page."""

    programme = models.CharField(
        _("programme and funding line"),
        max_length=255,
        help_text=_("e.g. PR FSE+ Toscana 2021–2027, Priority 3, Action 3.k.1"),
    )
    budget = models.DecimalField(
        _("budget (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    target_participants = models.PositiveIntegerField(
        _("target participants"), null=True, blank=True
    )
    target_internships = models.PositiveIntegerField(_("target internships"), null=True, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    contacts = RichTextField(_("contacts"), features=["bold", "link"], blank=True)

    class Meta:
        abstract = True


class ProjectPartner(Orderable):
    """A partner listed on a project page, in the editors' order."""

    page = ParentalKey(
        "home.ProjectPage", related_name="project_partners", on_delete=models.CASCADE
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("partner")]


PROJECT_CONTENT_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("programme"),
            FieldPanel("budget"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldRowPanel([FieldPanel("target_participants"), FieldPanel("target_internships")]),
        ],
        heading=_("Programme"),
    ),
    FieldPanel("intro"),
    FieldPanel("body"),
    InlinePanel("project_partners", label=_("Partners")),
    FieldPanel("contacts"),
]

PROJECT_SEARCH_FIELDS = [
    index.SearchField("programme"),
    index.SearchField("intro"),
    index.SearchField("body"),
    index.FilterField("locale_id"),
]
