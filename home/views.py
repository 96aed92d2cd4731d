"""Site-shell views: health check and site search."""

import logging

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

logger = logging.getLogger("approdo.health")


@never_cache
@require_GET
def healthz(request):
    """200 when the database and the cache answer, 503 otherwise (for load balancers)."""
    checks = {"database": _check_database(), "cache": _check_cache()}
    healthy = all(checks.values())
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    return JsonResponse(body, status=200 if healthy else 503)


def _check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: database unreachable")
        return False


def _check_cache():
    try:
        cache.set("healthz", "1", 10)
        return cache.get("healthz") == "1"
    except Exception:
        logger.exception("Health check: cache unreachable")
        return False


RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """Full-text search over live public pages in the visitor's language only."""
    query = request.GET.get("q", "").strip()[:200]
    results_page = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(query, operator="and")
        results_page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "home/search.html", {"query": query, "results_page": results_page}
    )
