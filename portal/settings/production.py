"""Production: everything from the environment; refuses to start when something is missing."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import APPRODO_STAFF_REQUIRE_MFA, DATABASES, REDIS_URL

REQUIRED_ENV = [
    "DATABASE_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "REDIS_URL",
    "EMAIL_HOST",
    "DEFAULT_FROM_EMAIL",
    "WAGTAILADMIN_BASE_URL",
    # clamd's socket or host:port; "none" keeps uploads unscanned, said out loud.
    "APPRODO_CLAMD_ADDRESS",
    # The monitoring answers' encryption salt (see base.py): kept outside the database.
    "APPRODO_MONITORING_KEY",
]
_missing = [name for name in REQUIRED_ENV if not os.environ.get(name)]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )
if not DATABASES.get("default") or not REDIS_URL:
    raise ImproperlyConfigured("Production needs DATABASE_URL and REDIS_URL.")
# Per-IP rate limits (allauth) must know which address is the client's: the deployer says
# how many proxies of theirs append to X-Forwarded-For (0: none, gunicorn faces clients),
# or names the header their proxy sets. Guessing either way lets a client pick its address.
_proxies = os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "")
_client_ip_header = os.environ.get("ALLAUTH_TRUSTED_CLIENT_IP_HEADER", "")
if not _proxies.isdigit() and not _client_ip_header:
    raise ImproperlyConfigured(
        "Production settings need ALLAUTH_TRUSTED_PROXY_COUNT (the number of your reverse "
        "proxies that append to X-Forwarded-For, 0 for none) or "
        "ALLAUTH_TRUSTED_CLIENT_IP_HEADER (the header your proxy sets to the client's address)."
    )
ALLAUTH_TRUSTED_PROXY_COUNT = int(_proxies or "0")
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = _client_ip_header or None
if not APPRODO_STAFF_REQUIRE_MFA or os.environ.get("APPRODO_STAFF_REQUIRE_MFA") == "0":
    raise ImproperlyConfigured("Staff two-factor authentication cannot be disabled in production.")

DEBUG = False

EMAIL_HOST = os.environ["EMAIL_HOST"]
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "1") == "1"
EMAIL_TIMEOUT = 20

# E-mails and Wagtail's background work go through the database queue; run
# `manage.py db_worker` next to the web workers (docs/operations.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
APPRODO_READY_NEEDS_BACKGROUND = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# Load balancers and the scheduler's checks probe the instances over plain HTTP on loopback.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
