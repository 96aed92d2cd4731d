"""RSS 2.0 and Atom feeds of the news and of the calls, one set per content language.

Each feed lists only live public pages in the active language (the one of the URL prefix),
so ``/en/feeds/news/rss/`` carries the English news only. Items link to the page's full URL.
A feed costs the same few queries whatever the number of items.
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

from home.models import SiteSettings
from news.models import CallAudience, CallPage, NewsPage, Topic

ITEMS_PER_FEED = 20
# Closed calls stay in the feed this long, so readers see that a call they followed closed.
RECENTLY_CLOSED = datetime.timedelta(days=90)


@dataclass
class FeedContext:
    """What a feed needs from the request; feed instances are shared, so nothing is kept on them."""

    locale: Locale
    site_name: str
    home_url: str


class BaseFeed(Feed):
    """The channel part shared by the news and calls feeds."""

    feed_type = Rss201rev2Feed
    title_text = ""
    description_text = ""

    def get_object(self, request, *args, **kwargs):
        locale = Locale.get_active()
        home = Site.find_for_request(request).root_page.localized
        return FeedContext(
            locale=locale,
            site_name=SiteSettings.for_request(request).project_name,
            # Relative: Feed adds the requested host (get_full_url would name the Site's).
            home_url=home.get_url(request) or "/",
        )

    def title(self, obj):
        return self.title_text % {"site": obj.site_name}

    def description(self, obj):
        return self.description_text % {"site": obj.site_name}

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        return obj.home_url

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.url

    def item_updateddate(self, item):
        return item.last_published_at


class NewsFeed(BaseFeed):
    """The latest news in the active language, newest first (RSS 2.0)."""

    title_text = _("%(site)s: news")
    description_text = _("The latest news from %(site)s.")

    def items(self, obj):
        news = list(NewsPage.objects.for_listing().filter(locale=obj.locale)[:ITEMS_PER_FEED])
        # Topics are shared across languages (see news.models.topics): name them in the
        # feed's language. item_categories() sees only the item, hence the attribute.
        names = Topic.names_by_slug(obj.locale)
        for page in news:
            page.feed_categories = [names.get(t.slug, t.name) for t in page.topics.all()]
        return news

    def item_description(self, item):
        return format_html("<p>{}</p>", item.lead)

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time.min)

    def item_categories(self, item):
        return item.feed_categories


class NewsAtomFeed(NewsFeed):
    """The same news as an Atom 1.0 feed."""

    feed_type = Atom1Feed


class CallsFeed(BaseFeed):
    """Open, upcoming and recently closed calls in the active language (RSS 2.0)."""

    title_text = _("%(site)s: calls")
    description_text = _("Open, upcoming and recently closed calls from %(site)s.")

    def items(self, obj):
        since = timezone.now() - RECENTLY_CLOSED
        return (
            CallPage.objects.for_listing()
            .filter(locale=obj.locale, closes_at__gt=since)
            .order_by("-opens_at", "-pk")[:ITEMS_PER_FEED]
        )

    def item_description(self, item):
        closes = formats.date_format(timezone.localtime(item.closes_at), "DATETIME_FORMAT")
        return format_html(
            "<p>{}</p><p>{}</p>",
            item.lead,
            _("Status: %(status)s. Closing date: %(date)s.")
            % {"status": item.status_label, "date": closes},
        )

    def item_pubdate(self, item):
        return item.opens_at

    def item_categories(self, item):
        return [CallAudience(item.audience).label]


class CallsAtomFeed(CallsFeed):
    """The same calls as an Atom 1.0 feed."""

    feed_type = Atom1Feed
