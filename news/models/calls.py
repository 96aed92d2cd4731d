"""Calls (bandi, avvisi): open and close on their dates; closed calls move to the archive."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock
from home.chrome import CachedPublicQuerySetMixin
from home.models import BasePage, ProjectLinkMixin

RICH_TEXT = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class CallAudience(models.TextChoices):
    PARTICIPANTS = "participants", _("Participants")
    HOST_COMPANIES = "host_companies", _("Host companies")
    OPERATORS = "operators", _("Operators")


class CallPageQuerySet(CachedPublicQuerySetMixin, PageQuerySet):
    """Status filters computed from the dates at query time, never stored."""

    def for_listing(self):
        return self.live().public().select_related("locale", "project").order_by("closes_at", "pk")

    def with_status(self, status, now=None):
        now = now or timezone.now()
        if status == CallStatus.UPCOMING:
            return self.filter(opens_at__gt=now)
        if status == CallStatus.OPEN:
            return self.filter(opens_at__lte=now, closes_at__gt=now)
        if status == CallStatus.CLOSED:
            return self.filter(closes_at__lte=now)
        return self

    def current(self, now=None):
        """Open and upcoming calls: what the main listing shows."""
        return self.filter(closes_at__gt=now or timezone.now())


CallPageManager = PageManager.from_queryset(CallPageQuerySet)


class CallIndexPage(RoutablePageMixin, BasePage):
    """Lists open and upcoming calls; closed ones are under /archive/."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage", "home.ProjectPage"]
    subpage_types = ["news.CallPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    page_size = 10

    class Meta:
        verbose_name = _("call index")

    def calls(self):
        return CallPage.objects.child_of(self).for_listing()

    @staticmethod
    def open_calls(locale, count=4):
        """Calls open now in one language, closing soonest first: the home page's listing."""
        return (
            CallPage.objects.for_listing()
            .filter(locale=locale)
            .with_status(CallStatus.OPEN)[:count]
        )

    @staticmethod
    def current_of_project(project, count=6):
        """Open and upcoming calls of ``project`` in its language: the project page's listing."""
        # Translated calls may still point at the source-language project: match by key.
        return (
            CallPage.objects.for_listing()
            .filter(locale=project.locale, project__translation_key=project.translation_key)
            .current()[:count]
        )

    def _listing(self, request, calls, archive):
        audience = request.GET.get("audience", "")
        status = request.GET.get("status", "")
        if audience in CallAudience.values:
            calls = calls.filter(audience=audience)
        if not archive and status in (CallStatus.OPEN, CallStatus.UPCOMING):
            calls = calls.with_status(status)
        return self.render(
            request,
            context_overrides={
                "calls_page": Paginator(calls, self.page_size).get_page(request.GET.get("page")),
                "archive": archive,
                "audiences": CallAudience.choices,
                "statuses": [
                    (CallStatus.OPEN, CallStatus.OPEN.label),
                    (CallStatus.UPCOMING, CallStatus.UPCOMING.label),
                ],
                "filters": {"audience": audience, "status": status},
            },
        )

    @path("")
    def current_calls(self, request):
        return self._listing(request, self.calls().current(), archive=False)

    @path("archive/")
    def archive(self, request):
        calls = self.calls().with_status(CallStatus.CLOSED).order_by("-closes_at", "pk")
        return self._listing(request, calls, archive=True)


class CallPage(ProjectLinkMixin, BasePage):
    """A call: who it is for, when it is open, who may apply and how."""

    audience = models.CharField(_("audience"), max_length=20, choices=CallAudience.choices)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    lead = models.TextField(_("summary"))
    eligibility = RichTextField(_("who can apply"), features=RICH_TEXT, blank=True)
    exclusions = RichTextField(_("exclusions"), features=RICH_TEXT, blank=True)
    how_to_apply = RichTextField(_("how to apply"), features=RICH_TEXT, blank=True)
    contacts = RichTextField(_("contacts"), features=["bold", "link"], blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("further information"), blank=True)

    objects = CallPageManager()

    parent_page_types = ["news.CallIndexPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("project"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("Call"),
        ),
        FieldPanel("lead"),
        FieldPanel("eligibility"),
        FieldPanel("exclusions"),
        FieldPanel("how_to_apply"),
        FieldPanel("contacts"),
        InlinePanel("attachments", label=_("Attachments")),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("eligibility"),
        index.SearchField("how_to_apply"),
    ]

    api_fields = [
        APIField("audience"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("status"),
        APIField("lead"),
        APIField("eligibility"),
        APIField("how_to_apply"),
        APIField("attachments"),
    ]

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The closing date must be after the opening date.")}
            )

    def status_at(self, now):
        if now < self.opens_at:
            return CallStatus.UPCOMING
        if now < self.closes_at:
            return CallStatus.OPEN
        return CallStatus.CLOSED

    @property
    def status(self):
        return self.status_at(timezone.now())

    @property
    def status_label(self):
        return CallStatus(self.status).label

    @property
    def accepts_host_companies(self):
        """True while host companies can apply to this call through onboarding."""
        return self.audience == CallAudience.HOST_COMPANIES and self.status == CallStatus.OPEN


class CallAttachment(Orderable):
    """A public document attached to a call (form, guidelines, model agreement)."""

    page = ParentalKey(CallPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def label(self):
        return self.title or self.document.title
