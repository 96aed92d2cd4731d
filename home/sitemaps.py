"""``/sitemap.xml``: every live public page in every language, with hreflang alternates.

Wagtail's own sitemap lists the descendants of the Site's root page only, which here is the
Italian home page, and emits no alternates. This one covers the root page's translations
too and links each page to its live translations (``<xhtml:link rel="alternate">``), with
``x-default`` on the Italian version. It runs the same four queries (site, root pages,
view restrictions, pages) whatever the number of pages: the translations are among those
pages, so they are grouped by ``translation_key`` in memory.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from home.seo import absolute_url


class LocalizedPagesSitemap(Sitemap):
    """Wagtail's page sitemap extended to every locale, with per-page translations."""

    def items(self):
        # Django's sitemap calls items() for pagination and again for lastmod.
        if not hasattr(self, "_pages"):
            self._pages = self._load_pages()
        return self._pages

    def _load_pages(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        in_site = Q()
        for root in roots.only("path", "depth"):
            in_site |= Page.objects.descendant_of_q(root, inclusive=True)
        pages = (
            Page.objects.live()
            .public()
            .filter(in_site)
            .select_related("locale")
            .only(
                "path",
                "depth",
                "url_path",
                "translation_key",
                "last_published_at",
                "latest_revision_created_at",
                "locale__language_code",
            )
            .order_by("path")
        )
        located = []
        self._versions = defaultdict(dict)
        for page in pages:
            # Generic pages: a page type routing its own URLs would need get_url_parts()
            # of its specific class; none here does.
            page.sitemap_location = absolute_url(self.request, page)
            if page.sitemap_location:
                located.append(page)
                language = page.locale.language_code
                self._versions[page.translation_key][language] = page.sitemap_location
        return located

    def location(self, obj):
        return obj.sitemap_location

    def alternates_for(self, page):
        """hreflang links to the page's live versions, in the configured language order."""
        versions = self._versions[page.translation_key]
        alternates = [
            {"lang_code": code, "location": versions[code]}
            for code, _name in settings.LANGUAGES
            if code in versions
        ]
        if settings.LANGUAGE_CODE in versions:
            alternates.append(
                {"lang_code": "x-default", "location": versions[settings.LANGUAGE_CODE]}
            )
        return alternates

    def _urls(self, page, protocol, domain):
        urls = []
        lastmods = []
        for item in self.paginator.page(page).object_list:
            lastmod = self.lastmod(item)
            lastmods.append(lastmod)
            urls.append(
                {
                    "item": item,
                    "location": item.sitemap_location,
                    "lastmod": lastmod,
                    "changefreq": None,
                    "priority": "",
                    "alternates": self.alternates_for(item),
                }
            )
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def sitemap(request):
    """The whole site's sitemap: one section, paginated by Django past 50,000 URLs."""
    return wagtail_sitemap(request, sitemaps={"pages": LocalizedPagesSitemap})
