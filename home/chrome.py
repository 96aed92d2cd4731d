"""Site chrome cached per site and language: what every public page shows around its content.

The header and footer (site settings, the localized home page, the main menu, the funding
statement, the legal pages) and the list of private sections are the same on every page of
a language, yet cost a dozen queries to read. ``chrome_for(request)`` reads them once per
host and language under the content generation (home/generation.py), which every content
change replaces, and keeps the result on the request. Drafts never reach it: it only holds
live pages.

The request is primed with what Wagtail would otherwise read again: the Site
(``request._wagtail_site``), the site root paths every page URL is built from
(``request._wagtail_cached_site_root_paths``) and the site settings (the ``settings``
context processor and ``SiteSettings.for_request`` read them from the request).
"""

import hashlib
from dataclasses import dataclass, field, fields

from django.db.models import Q
from django.utils import translation
from django.utils.translation import get_supported_language_variant

from home.generation import remember


@dataclass
class Chrome:
    """Everything the header and footer of one language need, as plain values."""

    site: object
    locale: object
    home: object  # the live home page of this language (a plain Page), or None
    home_url: str | None
    menu: list = field(default_factory=list)  # [{"path", "url", "title"}]
    settings: object = None
    disclosure: object = None
    legal: dict = field(default_factory=dict)  # {"accessibility"|"privacy"|"cookies": url}
    private_paths: tuple = ()
    site_root_paths: list = field(default_factory=list)  # Wagtail's, for every page URL

    def is_private(self, path):
        """Whether a page (by its tree path) sits in a section with a view restriction."""
        return path.startswith(self.private_paths) if self.private_paths else False


# In the key: a chrome kept by a release with other fields is never read by this one.
SHAPE = hashlib.sha256(" ".join(f.name for f in fields(Chrome)).encode()).hexdigest()[:8]


def private_paths():
    """Tree paths of the pages with a view restriction (their sections are private)."""
    from wagtail.models import PageViewRestriction

    return remember(
        "private-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def private_q(paths):
    """Wagtail's ``PageQuerySet.private_q()`` for the given restricted paths."""
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(path__startswith=path)
    return q


class CachedPublicQuerySetMixin:
    """For page querysets: ``public()`` without a query for the view restrictions."""

    def public(self):
        return self.exclude(private_q(private_paths()))


class CachedViewRestrictionsMixin:
    """For page models: no query for view restrictions when none covers the page.

    Wagtail asks every served page for its restrictions and those of its ancestors (two
    queries); the cached restricted paths answer for the common, public case. An alias
    takes its source's restrictions, so it is left to Wagtail.
    """

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        paths = private_paths()
        if self.alias_of_id is None and not (paths and self.path.startswith(paths)):
            # Already evaluated: iterating an unevaluated none() still compiles its SQL.
            restrictions = PageViewRestriction.objects.none()
            restrictions._result_cache = []
            return restrictions
        return super().get_view_restrictions()


def _site_for(request):
    from wagtail.models import Site

    return Site.find_for_request(request)


def _build(request, site, language):
    """Reads the chrome from the database (about a dozen queries, once per generation)."""
    from wagtail.models import Locale, Page, Site

    from home.models import SiteSettings

    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    home = None
    if site is not None:
        home = (
            Page.objects.live()
            .filter(translation_key=site.root_page.translation_key, locale=locale)
            .first()
        ) or Page.objects.filter(pk=site.root_page_id).first()
    chrome = Chrome(
        site=site,
        locale=locale,
        home=home,
        home_url=home.get_url(request) if home else None,
        private_paths=private_paths(),
        site_root_paths=Site.get_site_root_paths(),
    )
    if home is not None:
        for item in home.get_children().live().in_menu():
            if not chrome.is_private(item.path):
                chrome.menu.append(
                    {"path": item.path, "url": item.get_url(request), "title": item.title}
                )
    if site is not None:
        # Not for_site(): it creates the row, whose save would drop this very entry.
        chrome.settings = SiteSettings.objects.filter(site=site).first() or SiteSettings(site=site)
        chrome.settings._request = None
        disclosure = chrome.settings.funding_disclosure
        if disclosure is not None:
            localized = disclosure.get_translation_or_none(locale) or disclosure
            chrome.disclosure = {
                "programme": localized.programme,
                "statement": localized.statement,
            }
        for name, attname in (
            ("accessibility", "accessibility_page_id"),
            ("privacy", "privacy_page_id"),
            ("cookies", "cookie_page_id"),
        ):
            page_id = getattr(chrome.settings, attname)
            if page_id is None:
                continue
            page = Page.objects.filter(pk=page_id).first()
            if page is None:
                continue
            localized = (
                Page.objects.live().filter(translation_key=page.translation_key, locale=locale)
            ).first() or page
            url = localized.get_url(request)
            if url:
                chrome.legal[name] = url
    return chrome


def chrome_for(request):
    """The chrome of the request's site in the active language, cached; primes the request."""
    chrome = getattr(request, "_approdo_chrome", None)
    language = get_supported_language_variant(translation.get_language() or "it")
    if chrome is not None and chrome.locale.language_code == language:
        return chrome
    host = request.get_host().lower()
    # A fresh copy each time (unpickled), as the request primes its settings below.
    chrome = remember(
        f"{host}:{language}:{SHAPE}", lambda: _build(request, _site_for(request), language)
    )
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = chrome.site
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        # Page.get_url(request) reads them from here rather than from the shared cache.
        request._wagtail_cached_site_root_paths = chrome.site_root_paths
    if chrome.settings is not None:
        from home.models import SiteSettings

        attr = SiteSettings.get_cache_attr_name()
        if not hasattr(request, attr):
            chrome.settings._request = request
            setattr(request, attr, chrome.settings)
    request._approdo_chrome = chrome
    return chrome
