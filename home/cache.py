"""Anonymous page cache: whole HTML responses of public Wagtail pages, purged on publish.

- ``AnonymousPageCacheMiddleware`` answers repeated anonymous GETs of a page (or of a
  missing page: the 404) from the cache without touching the database, and stores eligible
  responses on a miss.
- ``DjangoCacheBackend`` is the ``wagtail.contrib.frontend_cache`` backend Wagtail calls with
  the URLs of a page it publishes or unpublishes (under every language prefix).
- ``FrontendCacheConfig`` stands in for ``wagtail.contrib.frontend_cache`` in
  ``INSTALLED_APPS`` and adds what Wagtail does not purge by itself: the page's translations
  (slugs may differ), ancestors (news index, home page) and descendants in every locale, and
  everything when what changed shows on every page (menu, footer, settings, snippets, URLs).
  Connecting in ``ready()`` makes the receivers work in every process that publishes: web
  workers, ``db_worker`` and the ``publish_scheduled`` cron job.

Keys: an entry lives at ``page-cache:entry:<sha256(host|path?query)>`` and holds, with the
response, the two tokens it was rendered under: ``page-cache:generation`` for the whole
site and ``page-cache:path:<sha256(path)>`` for every query variant of that path on every
host. A hit is an entry whose tokens are the current ones, so a lookup is one round trip
(the tokens and the entry in one ``MGET``), and a purge is one ``DELETE`` of a token. The
host keeps Sites apart but is left out of the path token, because Wagtail builds purge
URLs from the Site's ``root_url`` (``localhost`` for the default Site), which need not be
the host visitors use. Tokens are random and created on a miss: an evicted token only
causes misses, and a response rendered before a purge carries the token the purge deleted,
so nobody is served it. A path has one entry per host and query, replaced on each store,
so a purge leaves no orphaned copies behind.
"""

import hashlib
import logging
import uuid
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.urls import NoReverseMatch
from wagtail.contrib.frontend_cache.apps import WagtailFrontendCacheAppConfig
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

logger = logging.getLogger("approdo.page_cache")

HEADER = "X-Approdo-Cache"
MESSAGES_COOKIE = CookieStorage.cookie_name
GENERATION_KEY = "page-cache:generation"
# Sections below a language prefix that are never pages: not even looked up.
EXCLUDED_SECTIONS = ("accounts/",)
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
# A missing page is cached too: crawlers and broken links ask for the same paths again and
# again. Publishing a page at the path purges it like any page (its path token).
CACHEABLE_STATUSES = (200, 404)


def cache_seconds():
    """How long a page stays cached; 0 disables the page cache."""
    return int(getattr(settings, "APPRODO_PAGE_CACHE_SECONDS", 600) or 0)


def page_cache():
    """The cache holding pages; shared by all workers (Redis) in production."""
    return caches[getattr(settings, "APPRODO_PAGE_CACHE_ALIAS", "default")]


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def path_key(path):
    """The key of a path's token; ``path`` is the decoded path, as in ``request.path``."""
    return f"page-cache:path:{_digest(path)}"


def purge_everything(**kwargs):
    """Drops every cached page (a new generation token makes all keys new)."""
    page_cache().delete(GENERATION_KEY)


def _token(cache, key, found, timeout):
    """The random token stored at ``key``, created when missing."""
    token = found.get(key)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(key, token, timeout):
            # Another worker created it first; None here means it was purged meanwhile.
            token = cache.get(key)
    return token


def entry_key(host, path, query):
    """Where the response for ``host``, ``path`` and ``query`` is kept, whatever its tokens."""
    return f"page-cache:entry:{_digest(f'{host}|{path}?{query}')}"


def lookup(request, host, cache, timeout):
    """``(key, tokens, stored)`` for this request, in one round trip when it is a hit.

    ``stored`` is the kept ``(status, content, headers)`` when its tokens are the current
    ones; on a miss it is None and ``tokens`` are those a response rendered now is stored
    with (created when missing). ``key`` is None when a token vanished during the lookup.
    """
    path = request.path
    version_key = path_key(path)
    key = entry_key(host, path, request.META.get("QUERY_STRING", ""))
    found = cache.get_many([GENERATION_KEY, version_key, key])
    current = (found.get(GENERATION_KEY), found.get(version_key))
    stored = found.get(key)
    if stored is not None and stored[0] == current:  # stored tokens are never None
        return key, current, stored[1:]
    generation = _token(cache, GENERATION_KEY, found, None)
    # Path tokens expire so that requests for random paths do not fill the cache; twice the
    # page lifetime keeps entries reachable for (almost) their whole life.
    version = _token(cache, version_key, found, timeout * 2)
    if generation is None or version is None:
        return None, None, None
    return key, (generation, version), None


def request_is_cacheable(request):
    """Whether this request may be answered from the cache; decided without the database."""
    if request.method not in ("GET", "HEAD"):
        return False
    # Wagtail's previews replay the editor's request through the middleware with the
    # page's own path; they must render the draft, never the cached live page.
    if getattr(request, "is_dummy", False) or "HTTP_AUTHORIZATION" in request.META:
        return False
    # A session (logged in, messages, a page password) or flash messages kept in a cookie
    # make the response personal.
    if any(name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE)):
        return False
    path = request.path_info
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return not path[len(prefix) :].startswith(EXCLUDED_SECTIONS)
    return False


def response_is_cacheable(request, response):
    """Whether this response is the same for every anonymous visitor and may be stored."""
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    cache_control = {
        part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")
    }
    return (
        request.method == "GET"
        and response.status_code in CACHEABLE_STATUSES
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        # Only Wagtail pages: other views under a language prefix are not purged on publish.
        and match is not None
        and match.url_name == "wagtail_serve"
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
        # A cookie means a personal response. A form's CSRF token is tied to the visitor's
        # cookie, so a page that used one would fail everybody else's submissions.
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not cache_control & UNCACHEABLE_DIRECTIVES
        and "*" not in response.get("Vary", "")
        # A CSP nonce must be new on every response; replaying it would defeat it.
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


class AnonymousPageCacheMiddleware:
    """Serves anonymous GETs of Wagtail pages from the cache; place it before sessions.

    Everything between it and the view (sessions, locale, CSRF, authentication, CSP,
    clickjacking) is skipped on a hit, so the stored response keeps the headers those added
    (Content-Language, Content-Security-Policy, Vary, X-Frame-Options…); SecurityMiddleware
    and WhiteNoise sit before it and still run. Browsers get no extra Cache-Control: only
    this cache can be purged on publish, and a browser copy would outlive a later log-in.
    A cache outage makes every request a plain uncached one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = cache_seconds()
        if not timeout or not request_is_cacheable(request):
            return self.get_response(request)
        cache = page_cache()
        # Outside the try: a disallowed host must end in a 400, as it does further in.
        host = request.get_host().lower()
        try:
            key, tokens, stored = lookup(request, host, cache, timeout)
        except Exception:
            logger.exception("Page cache unavailable")
            return self.get_response(request)
        if stored is not None:
            status, content, headers = stored
            response = HttpResponse(content, status=status, headers=headers)
            response[HEADER] = "hit"
            return allow_front_cache(response)
        response = self.get_response(request)
        if key and response_is_cacheable(request, response):
            headers = {k: v for k, v in response.headers.items() if k != HEADER}
            try:
                cache.set(key, (tokens, response.status_code, response.content, headers), timeout)
            except Exception:
                logger.exception("Page cache unavailable")
            allow_front_cache(response)
        response[HEADER] = "miss"
        return response


def allow_front_cache(response):
    """Lets nginx's front cache keep what this cache keeps, for APPRODO_FRONT_CACHE_SECONDS.

    X-Accel-Expires speaks to nginx only (it never reaches browsers), so browsers still get
    no copy that would outlive a purge; nginx is purged with the pages (operations.front_cache)
    and keeps nothing this cache would not.
    """
    seconds = getattr(settings, "APPRODO_FRONT_CACHE_SECONDS", 0)
    if seconds:
        response["X-Accel-Expires"] = str(seconds)
    return response


class DjangoCacheBackend(BaseBackend):
    """Wagtail front-end cache backend that purges this site's own page cache.

    Only the path of Wagtail's full URLs matters (see the keys above); ``reverse()``
    percent-encodes non-ASCII slugs while ``request.path`` is decoded, hence ``unquote``.
    """

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        paths = {unquote(urlsplit(url).path) for url in urls}
        page_cache().delete_many([path_key(path) for path in paths])


def affects_every_page(page):
    """Whether the page shows on every page: home, main-menu sections, footer legal pages."""
    from home.models import SiteSettings

    if page.depth <= 3:
        # Home and its children: the main menu and the breadcrumbs' first items.
        return True
    key = page.translation_key
    legal = (
        Q(accessibility_page__translation_key=key)
        | Q(privacy_page__translation_key=key)
        | Q(cookie_page__translation_key=key)
    )
    return SiteSettings.objects.filter(legal).exists()


def related_pages(page):
    """The page, its ancestors, descendants and linked pages, in every locale.

    Index pages and the home page list their children, breadcrumbs name ancestors, language
    switchers link every translation, and a project page lists the news linked to it.
    References in rich text and blocks are left to expire with the TTL.
    """
    from wagtail.models import Page

    translations = list(Page.objects.filter(translation_key=page.translation_key))
    linked = [
        getattr(page, field.attname)
        for field in page._meta.concrete_fields
        if field.is_relation and issubclass(field.related_model, Page)
    ]
    tree = Q(pk__in=[p.pk for p in translations] + [pk for pk in linked if pk])
    for translation in translations:
        tree |= Page.objects.ancestor_of_q(translation) | Page.objects.descendant_of_q(translation)
    keys = Page.objects.filter(tree).values("translation_key")
    return Page.objects.filter(translation_key__in=keys, depth__gte=2)


def purge_page_and_relatives(sender, instance, **kwargs):
    """On publish or unpublish: purge what shows this page, after the commit.

    The URLs are computed now (on deletion the page is still there); the purge waits for
    the commit so that no request can render and store the old content afterwards.
    """
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    # Wagtail purges through a task, which a worker may take a second or more to run: the
    # page itself, in every language, is refreshed at once (after the rest of this cache, so
    # nginx refreshes from a fresh rendering), everything else through that task.
    own = [
        url
        for page in Page.objects.filter(translation_key=instance.translation_key)
        for url in [page.get_full_url()]
        if url
    ]
    if affects_every_page(instance):
        transaction.on_commit(purge_everything, robust=True)
    else:
        batch = PurgeBatch()
        for page in related_pages(instance):
            add_page_urls(batch, page)
        transaction.on_commit(batch.purge, robust=True)
    transaction.on_commit(lambda: purge_now(own), robust=True)


def purge_now(urls):
    """Purges ``urls`` from every configured front-end cache in this process, in order
    (the app's own page cache before nginx, which refreshes its copy from the app)."""
    from wagtail.contrib.frontend_cache.utils import get_backends

    for backend in get_backends().values():
        backend.purge_batch(urls)


def add_page_urls(batch, page):
    """Adds the page's cached paths and, for a routable page, its routes without arguments.

    A call index lists closed calls under ``archive/``; Wagtail would purge only the paths
    a page returns from ``get_cached_paths()``, which defaults to the page itself.
    """
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    batch.add_page(page)
    page_class = page.specific_class
    base_url = page.get_full_url(batch)
    if base_url is None or not issubclass(page_class or object, RoutablePageMixin):
        return
    for pattern in page_class.get_subpage_urls():
        try:
            route = page_class.get_resolver().reverse(pattern.name)
        except NoReverseMatch:
            continue  # Routes with arguments cannot be listed; they expire with the TTL.
        batch.add_url(base_url + route.lstrip("/"))


def purge_everything_on_commit(**kwargs):
    """A slug change or a move changes URLs below the page: start afresh after the commit."""
    transaction.on_commit(purge_everything, robust=True)


def purge_everything_on_site_wide_change(sender, **kwargs):
    """Settings, Sites, snippets (funding statement, partners, topics), page privacy, redirects.

    A page made private must stop being served at once, to its descendants too; a redirect
    must replace the cached 404 of its old path. Connected for every model, as snippets
    register only when ``wagtail.snippets`` is ready.
    """
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    site_wide = (BaseSiteSetting, BaseGenericSetting, Site, PageViewRestriction, Redirect)
    if issubclass(sender, site_wide) or sender in get_snippet_models():
        purge_everything_on_commit()


class FrontendCacheConfig(WagtailFrontendCacheAppConfig):
    """``wagtail.contrib.frontend_cache`` plus the page cache's purge receivers."""

    def ready(self):
        super().ready()
        from wagtail import signals

        from home.generation import connect_signals

        connect_signals()

        uid = "approdo.page_cache"
        signals.page_published.connect(purge_page_and_relatives, dispatch_uid=f"{uid}.pub")
        signals.page_unpublished.connect(purge_page_and_relatives, dispatch_uid=f"{uid}.unpub")
        signals.page_slug_changed.connect(purge_everything_on_commit, dispatch_uid=f"{uid}.slug")
        signals.post_page_move.connect(purge_everything_on_commit, dispatch_uid=f"{uid}.move")
        post_save.connect(purge_everything_on_site_wide_change, dispatch_uid=f"{uid}.saved")
        post_delete.connect(purge_everything_on_site_wide_change, dispatch_uid=f"{uid}.deleted")
