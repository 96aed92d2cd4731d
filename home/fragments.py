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
"""

import hashlib

from django.conf import settings
from django.utils import timezone, translation

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


def cached(request, name, vary_on, render):
    """``render()``'s HTML, from the cache when a render of the last few seconds left it."""
    key = key_for(request, name, *vary_on)
    if key is None:
        return render()
    return remember(key, render, seconds())
