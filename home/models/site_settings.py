"""What every page's header and footer show: site settings and the EU funding statement."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet


@register_snippet
class FundingDisclosure(TranslatableMixin, models.Model):
    """The EU funding statement shown in every page footer, translated per language.

    EU visibility rules (Reg. 2021/1060, art. 47 and 50) ask beneficiaries to show the
    "Co-funded by the European Union" emblem with the programme's name on their website.
    """

    name = models.CharField(_("internal name"), max_length=120)
    programme = models.CharField(
        _("programme"), max_length=255, help_text=_("e.g. PR FSE+ Toscana 2021–2027")
    )
    statement = models.TextField(
        _("statement"),
        help_text=_("One or two sentences naming the project, the fund and the priority."),
    )

    panels = [FieldPanel("name"), FieldPanel("programme"), FieldPanel("statement")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding disclosure")
        verbose_name_plural = _("funding disclosures")

    def __str__(self):
        return self.name


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Identity, contacts and legal links shown in the header and footer of every page."""

    project_name = models.CharField(_("project name"), max_length=80, default="Approdo")
    owner_name = models.CharField(
        _("promoting body"),
        max_length=120,
        blank=True,
        help_text=_("Shown in the slim header, e.g. the lead partner or the region."),
    )
    owner_url = models.URLField(_("promoting body website"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_pec = models.EmailField(_("PEC"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.TextField(_("address"), blank=True)
    funding_disclosure = models.ForeignKey(
        FundingDisclosure,
        verbose_name=_("funding disclosure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cookie_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("cookie policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("project_name"), FieldPanel("owner_name"), FieldPanel("owner_url")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_pec"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contacts"),
        ),
        FieldPanel("funding_disclosure"),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("cookie_page"),
            ],
            heading=_("Legal pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
