"""Local development: SQLite under var/, console e-mail, relaxed staff MFA."""

import os

from .base import *  # noqa: F403
from .base import (
    DATABASES,
    INSTALLED_APPS,
    SALT_KEY,
    SQLITE_OPTIONS,
    STATIC_ROOT,
    STORAGES,
    VAR_DIR,
)

# The demo site and `manage.py seed_demo`: never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

APPRODO_ENVIRONMENT = "development"
DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
SALT_KEY = SALT_KEY or ["dev-only-monitoring-key"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"

if "default" not in DATABASES:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "approdo.sqlite3",
        "OPTIONS": SQLITE_OPTIONS,
    }

APPRODO_EMAIL_TRANSPORT = "django.core.mail.backends.console.EmailBackend"
# Media and documents as base settings say (local files, or S3 when configured).
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Demo staff accounts have no authenticator app; turn it back on to try the TOTP flow.
APPRODO_STAFF_REQUIRE_MFA = os.environ.get("APPRODO_STAFF_REQUIRE_MFA", "") == "1"

# whitenoise warns at start-up when STATIC_ROOT is missing; collectstatic is for production.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Anonymous page cache off by default here, so template edits show at once.
APPRODO_PAGE_CACHE_SECONDS = int(os.environ.get("APPRODO_PAGE_CACHE_SECONDS", "0"))
APPRODO_FRAGMENT_CACHE_SECONDS = int(os.environ.get("APPRODO_FRAGMENT_CACHE_SECONDS", "0"))
