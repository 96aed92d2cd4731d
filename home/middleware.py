"""Content-Security-Policy with a looser policy for the Wagtail admin only."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; the public site keeps the strict settings policy.

    Wagtail's editing interface still relies on inline styles and scripts (rich-text editor,
    previews), so the admin alone allows them. Everything stays same-origin.
    """

    ADMIN_UPDATE = {
        "script-src": [UNSAFE_INLINE],
        "style-src": [UNSAFE_INLINE],
        "img-src": ["blob:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path.startswith(ADMIN_PREFIX):
            parts.update = {**self.ADMIN_UPDATE, **(parts.update or {})}
        return parts


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus the 404 redirect for language-neutral URLs.

    Django answers a 404 by redirecting to the same path under a language prefix when that
    path exists; with Wagtail's catch-all page URL it always does, so a missing admin object
    (e.g. another territory's company) would turn into a redirect to /it/admin/… instead of
    a plain 404.
    """

    NEUTRAL_PREFIXES = ("/admin/", "/documents/", "/api/")

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.NEUTRAL_PREFIXES):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
