"""The content generation: what public pages derive from content, kept until content changes.

One token in the shared cache names the current state of the content. Whatever public pages
derive from content and would otherwise read on every render (the site chrome, the private
sections, rendered listings, a project's funding) is kept under a key that holds the token,
through ``remember``. Every content change deletes the token (``invalidate``): a page
published, unpublished, moved, renamed or deleted, a page saved, a setting, snippet, Site,
Locale or view restriction saved or deleted; every kept value is then out of reach at once,
on every instance, and ages out of the cache.

Each value lives in two places. The shared cache (Redis) holds it for every instance and
worker; this process keeps a pickled copy in memory (``LOCAL``, bounded), so a page that
reads the chrome, the private sections, a listing and the funding asks Redis once, for the
token. The token itself is read once per request (``request_started`` opens a memo that
``request_finished`` closes), so a page renders against one state of the content even when
an editor publishes meanwhile. A copy in memory is only read under the token it was kept
with, so an edit on any instance hides it everywhere from the next request on, and it
expires when the shared entry does.
"""

import time
import uuid
from contextvars import ContextVar

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

GENERATION_KEY = "chrome:generation"
TIMEOUT = 24 * 3600
# The format of kept values, in their keys: a rolling deploy never reads another's shape.
FORMAT = "2"

# Entries are a few kilobytes (a listing's or a page part's HTML, the chrome): six parts per
# page and language, so 3,000 hold a few hundred pages (about 3 KB each on the demo: some
# 10 MB per process when full).
LOCAL = LocMemCache("approdo-generation", {"TIMEOUT": TIMEOUT, "OPTIONS": {"MAX_ENTRIES": 3000}})

# None outside a request (a task, a shell, a test's own code): the token is read every time.
_request_memo = ContextVar("approdo_generation_memo", default=None)


def generation():
    """The current content generation token (read once per request)."""
    memo = _request_memo.get()
    if memo is not None and "token" in memo:
        return memo["token"]
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, token, None):
            token = cache.get(GENERATION_KEY) or token
    if memo is not None:
        memo["token"] = token
    return token


def remember(name, compute, timeout=TIMEOUT, keep_if=None):
    """``compute()``'s value (None included), kept until the generation is replaced or
    ``timeout`` seconds pass: for whatever public pages derive from content and would
    otherwise read again on every render. ``keep_if(value)`` false: returned, not kept."""
    key = f"chrome:{generation()}:{FORMAT}:{name}"
    kept = LOCAL.get(key)
    if kept is None:
        kept = cache.get(key)
        if kept is None:
            # With its expiry, so that the copy in memory never outlives the shared one.
            kept = (compute(), time.time() + timeout)
            if keep_if is not None and not keep_if(kept[0]):
                return kept[0]
            cache.set(key, kept, timeout)
        remaining = kept[1] - time.time()
        if remaining > 0:
            LOCAL.set(key, kept, remaining)
    return kept[0]


def _drop():
    cache.delete(GENERATION_KEY)
    memo = _request_memo.get()
    if memo is not None:
        memo.clear()


def invalidate(**kwargs):
    """Replaces the generation now and again after the commit.

    Now, so that the rest of the transaction (and a test inside one) reads the change;
    after the commit, because another worker may have rebuilt a value meanwhile from the
    data as it was before.
    """
    _drop()
    transaction.on_commit(_drop, robust=True)


def invalidate_on_model_change(sender, **kwargs):
    """Pages, settings, snippets, Sites, Locales and view restrictions feed public pages."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    watched = (Page, BaseSiteSetting, BaseGenericSetting, Site, Locale, PageViewRestriction)
    if issubclass(sender, watched) or sender in get_snippet_models():
        invalidate()


def _open_memo(**kwargs):
    _request_memo.set({})


def _close_memo(**kwargs):
    _request_memo.set(None)


def connect_signals():
    """Called from an app's ``ready()``: every process that edits content invalidates, and
    every request reads the token once."""
    from django.core.signals import request_finished, request_started
    from django.db.models.signals import post_delete, post_save
    from wagtail import signals

    uid = "approdo.generation"
    request_started.connect(_open_memo, dispatch_uid=f"{uid}.request")
    request_finished.connect(_close_memo, dispatch_uid=f"{uid}.finished")
    signals.page_published.connect(invalidate, dispatch_uid=f"{uid}.pub")
    signals.page_unpublished.connect(invalidate, dispatch_uid=f"{uid}.unpub")
    signals.page_slug_changed.connect(invalidate, dispatch_uid=f"{uid}.slug")
    signals.post_page_move.connect(invalidate, dispatch_uid=f"{uid}.move")
    post_save.connect(invalidate_on_model_change, dispatch_uid=f"{uid}.saved")
    post_delete.connect(invalidate_on_model_change, dispatch_uid=f"{uid}.deleted")
