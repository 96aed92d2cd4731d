"""Liveness and readiness probes for load balancers, orchestrators and monitoring."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from operations import health

WORDS = {True: "ok", False: "unavailable", None: "not used"}


@never_cache
@require_GET
def healthz(request):
    """200 while the process serves requests; touches nothing else (a restart would not help)."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """200 when every dependency this deployment uses answers, 503 with the failing ones named.

    Names and verdicts only: error details go to the log, not to whoever asks.
    """
    checks = health.readiness()
    ready = all(result is not False for result in checks.values())
    body = {name: WORDS[result] for name, result in checks.items()}
    return JsonResponse(body, status=200 if ready else 503)
