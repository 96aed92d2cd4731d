"""Site-wide pages and settings: the home page, the shared page base, footer settings."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import BodyBlock
from home.chrome import CachedViewRestrictionsMixin
from home.contact import FormField, FormPage
from home.projects import (
    PROJECT_CONTENT_PANELS,
    PROJECT_SEARCH_FIELDS,
    Partner,
    ProjectPageFields,
    ProjectPartner,
)

__all__ = ["FormField", "FormPage", "Partner", "ProjectPartner"]


class BasePage(CachedViewRestrictionsMixin, Page):
    """Fields and behaviour every public page shares (social image, listing summary)."""

    listing_summary = models.CharField(
        _("listing summary"),
        max_length=255,
        blank=True,
        help_text=_("Shown where this page is listed and in link previews."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("listing_summary"),
        FieldPanel("social_image"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.listing_summary or self.search_description

    def clean(self):
        super().clean()
        errors = {}
        for field in self._meta.concrete_fields:
            if not field.is_relation or field.related_model is not get_image_model():
                continue
            image = getattr(self, field.name)
            if image is not None and not (image.description or "").strip():
                errors[field.name] = _(
                    "This image has no alternative text. Add a description to the image "
                    "in the image library, then choose it again."
                )
        if errors:
            raise ValidationError(errors)


class ProjectLinkMixin(models.Model):
    """Ties a news item or call to a project; filled from the page's position when left empty."""

    project = models.ForeignKey(
        "home.ProjectPage",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the project this page is filed under, if any."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.project_id is None and self.path:
            self.project = ProjectPage.objects.ancestor_of(self).first()
        super().save(*args, **kwargs)

    def localized_project(self):
        """The linked project in the page's language (the linked one when untranslated)."""
        project = self.project
        if project is None or project.locale_id == self.locale_id:
            return project
        translated = project.get_translations().live().filter(locale_id=self.locale_id)
        return translated.first() or project


class HomePage(BasePage):
    """The root of each language's site: hero, latest news and the call to host companies."""

    hero_lead = models.TextField(_("hero lead"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    companies_cta_title = models.CharField(
        _("companies call-to-action title"), max_length=120, blank=True
    )
    companies_cta_text = models.TextField(_("companies call-to-action text"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "news.CallIndexPage",
        "home.ProjectPage",
        "home.StandardPage",
        "home.FormPage",
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_lead"), FieldPanel("hero_image")], heading=_("Hero")),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("companies_cta_title"), FieldPanel("companies_cta_text")],
            heading=_("Host companies"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_lead"),
        index.SearchField("intro"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from news.models import CallPage, CallStatus, NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsPage.objects.latest_for_locale(self.locale)[:3]
        context["open_calls"] = (
            CallPage.objects.for_listing()
            .filter(locale=self.locale)
            .with_status(CallStatus.OPEN)[:4]
        )
        context["partners"] = Partner.objects.filter(locale=self.locale).select_related("logo")
        return context


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


class StandardPage(BasePage):
    """An ordinary content page: about, accessibility statement, privacy notice, cookies."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage", "home.ProjectPage"]
    subpage_types = ["home.StandardPage", "home.FormPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class ProjectPage(ProjectPageFields, BasePage):
    """One project of a territory: programme, budget, dates, targets, partners, news, calls."""

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "news.NewsIndexPage",
        "news.CallIndexPage",
        "home.StandardPage",
        "home.FormPage",
    ]
    content_panels = [*BasePage.content_panels, *PROJECT_CONTENT_PANELS]
    search_fields = [*BasePage.search_fields, *PROJECT_SEARCH_FIELDS]

    api_fields = [
        APIField("programme"),
        APIField("budget"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("target_participants"),
        APIField("target_internships"),
        APIField("intro"),
    ]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    def get_context(self, request, *args, **kwargs):
        from news.models import CallPage, NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["partners"] = [
            link.partner for link in self.project_partners.select_related("partner__logo")
        ]
        # Translated news may still point at the source-language project: match by key.
        mine = {"locale": self.locale, "project__translation_key": self.translation_key}
        context["news"] = NewsPage.objects.for_listing().filter(**mine)[:6]
        context["calls"] = CallPage.objects.for_listing().filter(**mine).current()[:6]
        return context


# Registered here so that Django finds the model; it lives with its form in home/feedback.py.
from home.email_wording import EmailWording  # noqa: E402,F401
from home.feedback import PageFeedback  # noqa: E402,F401
from home.outbox import OutgoingEmail  # noqa: E402,F401
