"""Content-Security-Policy with a looser policy for the Wagtail admin only."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

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
