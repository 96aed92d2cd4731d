"""Test settings: fast hashing, in-memory e-mail, immediate tasks, no manifest storage.

DATABASE_URL selects PostgreSQL (as CI does); otherwise a file-backed SQLite database under
var/ so `--reuse-db` can keep it between runs.
"""

import os

from .base import *  # noqa: F403
from .base import (
    DATABASES,
    INSTALLED_APPS,
    PRIVATE_STORAGE,
    SQLITE_OPTIONS,
    STATIC_ROOT,
    VAR_DIR,
)

# The demo site and `manage.py seed_demo`: never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

SECRET_KEY = "test-only-key"  # noqa: S105
SALT_KEY = ["test-only-monitoring-key"]
ALLOWED_HOSTS = ["*"]
APPRODO_ENVIRONMENT = "test"
DEBUG = False

if "default" not in DATABASES:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "test.sqlite3",
        "TEST": {"NAME": str(VAR_DIR / "test-db.sqlite3")},
        "OPTIONS": SQLITE_OPTIONS,
    }

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test set-up makes EMAIL_BACKEND locmem whatever is set; the outbox delivers there too.
APPRODO_EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {**PRIVATE_STORAGE, "OPTIONS": {"location": VAR_DIR / "test-private"}},
}
MEDIA_ROOT = VAR_DIR / "test-media"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
APPRODO_STAFF_REQUIRE_MFA = os.environ.get("APPRODO_STAFF_REQUIRE_MFA", "1") == "1"

# whitenoise warns at start-up when STATIC_ROOT is missing; collectstatic is for production.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
