"""Keeps the cached results pages in step with the figures they show.

The page cache (home.cache) keeps a public page for ``APPRODO_PAGE_CACHE_SECONDS`` and
purges it on publish. A results page's figures change when people's paths, gender answers
or placements change, which never publishes anything, so these saves purge the results
pages themselves, after the commit (like home.cache: no request may render and store the
old figures after the purge). Purging was chosen over a short cache lifetime because the
lifetime is the site's, not the page's, and a short one for every page would cost the
whole site its cache; with the purge, a published figure is current from the next request.

Results pages are few (one per project and language), so every results page is purged:
finding the projects of a changed row would cost more queries than it saves. One purge is
queued per transaction, however many rows it changes.
"""

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save


def purge_results_pages():
    """Purges the URLs of every live results page, in every language."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    from home.cache import add_page_urls
    from results.models import ResultsPage

    batch = PurgeBatch()
    for page in ResultsPage.objects.live():
        add_page_urls(batch, page)
    batch.purge()


def purge_after_commit(**kwargs):
    """Queues the purge once per transaction (none queued yet in this one)."""
    if connection.in_atomic_block and any(
        callback is purge_results_pages for _sids, callback, _robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(purge_results_pages, robust=True)


def connect_signals():
    """The rows whose changes move a results page's figures."""
    from companies.models import Placement
    from participants.models import Participant, Path, PathEvent

    for model in (Participant, Path, PathEvent, Placement):
        uid = f"approdo.results.purge.{model.__name__}"
        post_save.connect(purge_after_commit, sender=model, dispatch_uid=f"{uid}.s")
        post_delete.connect(purge_after_commit, sender=model, dispatch_uid=f"{uid}.d")
