"""Site chrome cached per site and language: what every public page shows around its content.

The header and footer (site settings, the localized home page, the main menu, the funding
statement, the legal pages) and the list of private sections are the same on every page of
a language, yet cost a dozen queries to read. ``chrome_for(request)`` reads them once into
the shared cache, under ``chrome:<generation>:<host>:<language>``, and keeps the result on
the request. The entry is dropped, for every language and host at once, by deleting the
generation token whenever what it holds may have changed: a page published, unpublished,
moved, renamed or deleted, a page saved, a setting, snippet, Site, Locale or view
restriction saved or deleted. Drafts never reach it: it only holds live pages.

The request is primed with what Wagtail would otherwise query again: the Site
(``request._wagtail_site``) and the site settings (the ``settings`` context processor and
``SiteSettings.for_request`` read them from the request).
"""

import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.translation import get_supported_language_variant

GENERATION_KEY = "chrome:generation"
TIMEOUT = 24 * 3600


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

    def is_private(self, path):
        """Whether a page (by its tree path) sits in a section with a view restriction."""
        return path.startswith(self.private_paths) if self.private_paths else False


def generation():
    """The content generation token: replaced by ``invalidate`` whenever what public pages
    show around or beside their content may have changed (also keys home/fragments.py)."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, token, None):
            token = cache.get(GENERATION_KEY) or token
    return token


def remember(name, compute, timeout=TIMEOUT):
    """``compute()``'s value (None included), kept in the shared cache as ``name`` until the
    generation is replaced or ``timeout`` seconds pass: for whatever public pages derive from
    content and would otherwise read again on every render."""
    key = f"chrome:{generation()}:{name}"
    kept = cache.get(key)
    if kept is None:
        kept = (compute(),)  # a tuple, so that a computed None is kept too
        cache.set(key, kept, timeout)
    return kept[0]


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
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _site_for(request):
    from wagtail.models import Site

    return Site.find_for_request(request)


def _build(request, site, language):
    """Reads the chrome from the database (about a dozen queries, once per generation)."""
    from wagtail.models import Locale, Page

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
    key = f"chrome:{generation()}:{host}:{language}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _build(request, _site_for(request), language)
        cache.set(key, chrome, TIMEOUT)
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = chrome.site
    if chrome.settings is not None:
        from home.models import SiteSettings

        attr = SiteSettings.get_cache_attr_name()
        if not hasattr(request, attr):
            chrome.settings._request = request
            setattr(request, attr, chrome.settings)
    request._approdo_chrome = chrome
    return chrome


def _drop():
    cache.delete(GENERATION_KEY)


def invalidate(**kwargs):
    """Drops the chrome of every site and language now and again after the commit.

    Now, so that the rest of the transaction (and a test inside one) reads the change;
    after the commit, because another worker may have rebuilt it meanwhile from the data
    as it was before.
    """
    _drop()
    transaction.on_commit(_drop, robust=True)


def invalidate_on_model_change(sender, **kwargs):
    """Pages, settings, snippets, Sites, Locales and view restrictions feed the chrome."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    watched = (Page, BaseSiteSetting, BaseGenericSetting, Site, Locale, PageViewRestriction)
    if issubclass(sender, watched) or sender in get_snippet_models():
        invalidate()


def connect_signals():
    """Called from the app's ``ready()``: every process that edits content invalidates."""
    from wagtail import signals

    uid = "approdo.chrome"
    signals.page_published.connect(invalidate, dispatch_uid=f"{uid}.pub")
    signals.page_unpublished.connect(invalidate, dispatch_uid=f"{uid}.unpub")
    signals.page_slug_changed.connect(invalidate, dispatch_uid=f"{uid}.slug")
    signals.post_page_move.connect(invalidate, dispatch_uid=f"{uid}.move")
    post_save.connect(invalidate_on_model_change, dispatch_uid=f"{uid}.saved")
    post_delete.connect(invalidate_on_model_change, dispatch_uid=f"{uid}.deleted")
