"""Purging nginx's front cache from Wagtail, with the nginx that Debian ships (no purge module).

A purge is a GET of the page's URL sent to nginx from an app instance with the
``X-Approdo-Refresh`` header: nginx (deploy/nginx/approdo.conf) then bypasses its cached copy,
asks an app instance and stores the new answer in its place (a page unpublished since answers
404, which nginx keeps briefly, so the old copy is gone too). Only loopback or the addresses the
nginx configuration lists may refresh. Pages are purged after the commit (home/cache.py), so
the refreshed copy is the published one.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

logger = logging.getLogger("approdo.page_cache")

HEADER = "X-Approdo-Refresh"


class NginxRefreshBackend(BaseBackend):
    """``WAGTAILFRONTENDCACHE`` backend: LOCATION is nginx's address as the instances reach it."""

    def __init__(self, params):
        super().__init__(params)
        location = urlsplit(params.pop("LOCATION"))
        self.scheme, self.netloc = location.scheme, location.netloc
        self.timeout = params.pop("TIMEOUT", 10)

    def purge(self, url):
        parts = urlsplit(url)
        target = urlunsplit((self.scheme, self.netloc, parts.path, parts.query, ""))
        # The scheme and address come from settings, never from a request.
        request = Request(target, headers={HEADER: "1", "Host": parts.netloc})  # noqa: S310
        try:
            with urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                answer.read()
        except HTTPError as error:
            if error.code not in (404, 410):
                logger.error("Front cache refresh of %s answered %s", url, error.code)
        except (URLError, OSError) as error:
            logger.error("Front cache refresh of %s failed: %s", url, error)
