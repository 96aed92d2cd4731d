"""The site's own pages (the home page of each language, projects, standard pages) and
the link other pages keep to their project."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models.base import BasePage
from home.models.projects import (
    PROJECT_CONTENT_PANELS,
    PROJECT_SEARCH_FIELDS,
    Partner,
    ProjectPageFields,
)

# The content apps fill the home and project pages' listings (news: the latest news and
# open calls), so that home, which they build on, imports none of them. A function
# registered under one of these Wagtail hook names is called as ``fn(page, context)`` and
# adds its listings to the template context.
HOME_PAGE_LISTINGS = "approdo_home_page_listings"
PROJECT_PAGE_LISTINGS = "approdo_project_page_listings"
# Who funds what a page presents: a function registered under this name is called as
# ``fn(page)`` and answers a PageFunding (home.funding) or None when it knows of no funding
# for the page; the first answer wins. Without one, the site's funding disclosure applies.
PAGE_FUNDING = "approdo_page_funding"


def add_listings(hook_name, page, context):
    for add in hooks.get_hooks(hook_name):
        add(page, context)


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
        "results.ResultsPage",
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
        context = super().get_context(request, *args, **kwargs)
        add_listings(HOME_PAGE_LISTINGS, self, context)
        # Read only when the kept partners listing is missing (home/fragments.py).
        context["partners"] = SimpleLazyObject(
            lambda: Partner.objects.filter(locale=self.locale).select_related("logo")
        )
        return context


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
        "results.ResultsPage",
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
        context = super().get_context(request, *args, **kwargs)
        # Read only when the kept partners listing is missing (home/fragments.py).
        context["partners"] = SimpleLazyObject(
            lambda: [link.partner for link in self.project_partners.select_related("partner__logo")]
        )
        add_listings(PROJECT_PAGE_LISTINGS, self, context)
        return context


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
