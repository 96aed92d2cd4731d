"""Rendered listings kept in the shared cache from one page render to the next.

A page the page cache does not answer (a signed-in reader, the first request after a publish)
still renders the same listings as the previous reader of its language: the home page's
latest news and open calls, a project's calls and news, a news page's related news, and the
news index's filters and page of results (per query string, as the page cache keeps pages).
Rendering them is most of such a page's cost (building and compiling their queries, the
cards), so ``{% cached_listing %}`` (home/templatetags/fragment_tags.py) keeps the HTML.

Its key holds the content generation token (home/generation.py), so publishing, unpublishing,
moving, renaming or deleting a page and saving a snippet or setting drop every listing at
once; and the host, language and time zone, since URLs, words and dates depend on them. An
entry lives ``APPRODO_FRAGMENT_CACHE_SECONDS``, because some of what a listing shows changes
with the clock, not with an edit (a call opens or closes, an image's renditions are
regenerated): nothing shown is older than that. Previews render afresh and store nothing, as a
draft may list differently from the live page. 0 turns it off (development).

``{% page_fragment %}`` keeps the larger parts of a Wagtail page the same way: its head, the
header around the account links, the breadcrumbs, the content and the footer, so that a
reader the page cache does not answer (a signed-in company user) gets the page assembled
from them. What differs from one reader to the next stays outside them (base.html): the
account links, the messages, the editors' bar. Such a part is kept per URL (query string
included), template and page, for GET and HEAD only, as a POST to a form page renders what
that visitor typed; a render that used the CSRF token is never kept, since the token is the
visitor's own. A page type whose content changes without an edit (a results page's live
figures) sets ``keep_rendered_parts = False`` and is always rendered afresh.
"""

import hashlib

from django.conf import settings
from django.utils import timezone, translation
from wagtail.models import Page

from home.generation import remember

PREFIX = "listing"


def seconds():
    return int(getattr(settings, "APPRODO_FRAGMENT_CACHE_SECONDS", 0))


def key_for(request, name, *vary_on):
    """The name listing ``name`` is kept under for this request (the generation is added by
    ``home.generation.remember``), or None when it must not be kept."""
    lifetime = seconds()
    if lifetime <= 0 or getattr(request, "is_preview", False):
        return None
    parts = [
        request.get_host().lower(),
        translation.get_language() or "",
        timezone.get_current_timezone_name(),
        name,
        *(str(part) for part in vary_on),
    ]
    # Hashed: a part may be a visitor's query string, of any length and any characters.
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{PREFIX}:{digest}"


def page_key_for(context, name):
    """The name part ``name`` of the Wagtail page being rendered is kept under, or None: not
    a page (a form, a 404, the company area), not a GET, or a preview."""
    request = context.get("request")
    page = context.get("page")
    if request is None or request.method not in ("GET", "HEAD") or not isinstance(page, Page):
        return None
    if not getattr(page, "keep_rendered_parts", True):
        return None  # it shows what changes without an edit (results.models.ResultsPage)
    # The template, as Wagtail renders another one at the same URL (a password form).
    template = getattr(getattr(context, "template", None), "name", None) or ""
    # A page has several parts: what names the page is hashed once per request.
    memo_key = (page.pk, template, translation.get_language())
    memo = getattr(request, "_approdo_page_parts", None)
    if memo is None or memo[0] != memo_key:
        scheme = "https" if request.is_secure() else "http"
        base = key_for(request, "page", scheme, template, page.pk, request.get_full_path())
        memo = (memo_key, base)
        request._approdo_page_parts = memo
    return f"{memo[1]}:{name}" if memo[1] else None


def _keep(key, meta, render):
    """``render()``'s HTML under ``key``, unless the render used the CSRF token (read from the
    request's ``meta``), which belongs to one visitor."""
    if key is None:
        return render()
    used = []

    def compute():
        # Django's get_token() raises this flag; lowered here to see whether this render did.
        earlier = meta.pop("CSRF_COOKIE_NEEDS_UPDATE", None)
        html = render()
        used.append(bool(meta.get("CSRF_COOKIE_NEEDS_UPDATE")))
        if earlier:
            meta["CSRF_COOKIE_NEEDS_UPDATE"] = earlier
        return html

    return remember(key, compute, seconds(), keep_if=lambda html: not any(used))


def cached(request, name, vary_on, render):
    """``render()``'s HTML, from the cache when a render of the last few seconds left it."""
    return _keep(key_for(request, name, *vary_on), request.META, render)


def cached_page_part(context, name, render):
    """A part of a page (``{% page_fragment %}``), from the cache when a render left it."""
    key = page_key_for(context, name)
    return _keep(key, context["request"].META if key else {}, render)
