"""Clear answers while a part of the deployment is down (docs/operations.md, "When a part
fails"): a 503 page in the visitor's language instead of a 500, for the outages that reach
a view uncaught."""

import logging

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from companies.storage import StorageUnavailable
from operations.cache import CacheUnavailable

logger = logging.getLogger("approdo.outage")

EXPLANATIONS = {
    # Rate limits cannot be counted (operations/cache.py): logins and forms wait for Redis.
    CacheUnavailable: _(
        "Signing in and sending forms are paused for a few minutes while a part of the service"
        " is restored. Nothing was sent or changed: please try again shortly."
    ),
    # The object store is down: a document cannot be read (uploads refuse on their own).
    StorageUnavailable: _(
        "Documents cannot be opened right now because of a problem on our side. Nothing was"
        " changed: please try again in a few minutes."
    ),
}


class RefuseDuringOutageMiddleware:
    """Answers CacheUnavailable and StorageUnavailable with a 503 and ``Retry-After``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        explanation = next(
            (text for kind, text in EXPLANATIONS.items() if isinstance(exception, kind)), None
        )
        if explanation is None:
            return None
        logger.warning("Refused %s %s: %s", request.method, request.path, exception)
        response = render(
            request, "operations/unavailable.html", {"explanation": explanation}, status=503
        )
        response["Retry-After"] = "60"
        return response
