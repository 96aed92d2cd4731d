"""News: an index page (per language, per project) and the articles below it."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock
from home.chrome import CachedPublicQuerySetMixin
from home.models import BasePage, ProjectLinkMixin


class NewsPageQuerySet(CachedPublicQuerySetMixin, PageQuerySet):
    """Listing queries shaped so a page of results costs a fixed number of queries."""

    def for_listing(self):
        return (
            self.live()
            .public()
            .select_related("image", "locale", "project")
            .prefetch_related("topics", "image__renditions")
            .order_by("-date", "-pk")
        )

    def latest_for_locale(self, locale):
        return self.for_listing().filter(locale=locale)


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


def topic_model():
    from news.models.topics import Topic

    return Topic


class NewsIndexPage(BasePage):
    """Lists the news below it, newest first, filtered by topic, project and year."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage", "home.ProjectPage"]
    subpage_types = ["news.NewsPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    page_size = 9

    class Meta:
        verbose_name = _("news index")

    def news(self):
        return NewsPage.objects.child_of(self).for_listing()

    @staticmethod
    def latest(locale, count=3):
        """The newest news in one language, wherever they sit: the home page's listing."""
        return NewsPage.objects.latest_for_locale(locale)[:count]

    @staticmethod
    def of_project(project, count=6):
        """The newest news about ``project`` in its language: the project page's listing."""
        # Translated news may still point at the source-language project: match by key.
        return NewsPage.objects.for_listing().filter(
            locale=project.locale, project__translation_key=project.translation_key
        )[:count]

    def filtered_news(self, topic="", project="", year=""):
        """The news below this index narrowed by the listing's filters (query-string values)."""
        from home.models import ProjectPage

        news = self.news()
        if topic:
            # A semi-join: no duplicate rows, so no DISTINCT over whole pages (bodies included).
            news = news.filter(pk__in=NewsPage.objects.filter(topics__slug=topic).values("pk"))
        if project.isdigit():
            # Translations may still point at the source-language project: match any version.
            chosen = ProjectPage.objects.filter(pk=int(project)).values("translation_key")
            news = news.filter(project__translation_key__in=chosen)
        if year.isdigit():
            news = news.filter(date__year=int(year))
        return news

    def get_context(self, request, *args, **kwargs):
        from home.models import ProjectPage
        from news.models.topics import Topic

        context = super().get_context(request, *args, **kwargs)
        filters = {name: request.GET.get(name, "") for name in ("topic", "project", "year")}
        page_number = request.GET.get("page")
        # Lazy, even to build: a listing kept by the listing cache (home/fragments.py) reads
        # none of them, and building the querysets alone cost a fifth of the page.
        context.update(
            news_page=SimpleLazyObject(
                lambda: Paginator(self.filtered_news(**filters), self.page_size).get_page(
                    page_number
                )
            ),
            topic_names=SimpleLazyObject(lambda: Topic.names_by_slug(self.locale)),
            projects=SimpleLazyObject(
                lambda: ProjectPage.objects.live().filter(locale=self.locale).only("id", "title")
            ),
            years=SimpleLazyObject(
                lambda: (
                    self.news()
                    .annotate(year=ExtractYear("date"))
                    .order_by("-year")
                    .values_list("year", flat=True)
                    .distinct()
                )
            ),
            filters=filters,
        )
        return context


class NewsPage(ProjectLinkMixin, BasePage):
    """A news article: date, lead, image, topics and a StreamField body."""

    date = models.DateField(_("date"), default=timezone.localdate)
    lead = models.TextField(_("lead"), help_text=_("One or two sentences that open the article."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField("news.Topic", verbose_name=_("topics"), blank=True)

    objects = NewsPageManager()

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("project"), FieldPanel("topics")],
            heading=_("Classification"),
        ),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("body"),
        APIField("topics"),
        APIField("project"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def schema_org_article(self, canonical, image_url, publisher, summary):
        """The schema.org NewsArticle a search engine reads (rendered by home's seo_tags)."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": (self.seo_title or self.title)[:110],
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
            "publisher": {"@type": "Organization", "name": publisher},
        }
        modified = self.last_published_at or self.latest_revision_created_at
        if modified:
            data["dateModified"] = modified.isoformat()
        if image_url:
            data["image"] = [image_url]
        if summary:
            data["description"] = summary
        return data

    @cached_property
    def topic_list(self):
        """The page's topics, read once however many times the page shows them."""
        return list(self.topics.all())

    def localized_topics(self):
        """The topics in the page's language, in one query when some are in another."""
        topics = self.topic_list
        others = [topic.translation_key for topic in topics if topic.locale_id != self.locale_id]
        if not others:
            return topics
        found = {
            topic.translation_key: topic
            for topic in topic_model().objects.filter(
                translation_key__in=others, locale_id=self.locale_id
            )
        }
        return [found.get(topic.translation_key, topic) for topic in topics]

    def related_news(self, count=3):
        """Other news sharing a topic, newest first (falls back to the latest news)."""
        siblings = NewsPage.objects.for_listing().filter(locale=self.locale).exclude(pk=self.pk)
        slugs = [topic.slug for topic in self.topic_list]
        # A semi-join, not DISTINCT: DISTINCT would compare whole rows, StreamField bodies included.
        sharing = NewsPage.objects.filter(topics__slug__in=slugs).values("pk")
        related = list(siblings.filter(pk__in=sharing)[:count]) if slugs else []
        if len(related) < count:
            seen = [page.pk for page in related]
            related += list(siblings.exclude(pk__in=seen)[: count - len(related)])
        return related
