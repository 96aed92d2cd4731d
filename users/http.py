"""What every response holding a person's own data shares: views behind a verified log-in
that no shared cache keeps, and downloads the browser must save rather than show."""

from allauth.account.decorators import verified_email_required
from django.views.decorators.cache import never_cache

# The browser must save the file, neither sniff nor run it, and nothing may cache it.
DOWNLOAD_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
}


def private(view):
    """Signed-in users with a verified e-mail; responses never enter a shared cache."""
    return never_cache(verified_email_required(view))
