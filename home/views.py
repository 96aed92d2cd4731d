"""Operational endpoints of the site shell."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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
