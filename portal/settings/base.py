"""Production-safe settings shared by every environment.

Nothing here is a convenience: DEBUG is off, secrets come only from the environment, and
the environment-specific modules (dev, test, production) layer on top.
"""

import os
from decimal import Decimal
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("APPRODO_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
# Which settings module is in force; seed_demo refuses to run in "production".
APPRODO_ENVIRONMENT = "production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
# The ESF+ monitoring answers (monitoring/) are encrypted at rest with a key derived from
# SECRET_KEY and this salt (django-fernet-encrypted-fields reads SALT_KEY), both kept outside
# the database, so a dump or a backup alone does not reveal them. Comma-separated: the first
# encrypts, the others still decrypt (rotation).
SALT_KEY = [key for key in os.environ.get("APPRODO_MONITORING_KEY", "").split(",") if key]
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "mail",
    "users",
    "home",
    "news",
    "companies",
    "agreements",
    "projects",
    "participants",
    "monitoring",
    "operations",
    "allowance",
    "reminders",
    "results",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    # wagtail.contrib.frontend_cache with the page cache's purge receivers.
    "home.cache.FrontendCacheConfig",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "operations.middleware.RefuseDuringOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.cache.AnonymousPageCacheMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "users.middleware.StaffTwoFactorMiddleware",
    "companies.backoffice.refusals.BackOfficeRefusalMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------
# DATABASE_URL selects the database in every settings module. Only dev falls back to SQLite.
DATABASES = {}
if os.environ.get("DATABASE_URL"):
    DATABASES["default"] = dj_database_url.parse(
        os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True
    )
# SQLite (dev and tests) with several writers: every transaction takes the write lock when
# it begins (so a second writer waits, then sees the first one's result, as a row lock does
# on PostgreSQL) and waits up to 20 s for it instead of failing with "database is locked";
# WAL lets readers go on while one writes.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
if DATABASES.get("default", {}).get("ENGINE") == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------
# allauth's rate limits live in the cache, so it must be a real one shared by all workers.
# A Redis outage (operations/cache.py): what the database can rebuild (Wagtail's site roots,
# the chrome, the page cache) becomes a miss, so public pages are still served; allauth's
# rate limits fail closed, so logins, sign-ups and forms answer a clear 503 until it is back.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "operations.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "approdo",
            "FAIL_CLOSED_KEYS": ["allauth:rl:"],
            # An unreachable host must cost a page a fraction of a second, not minutes.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "approdo",
        }
    }

# Anonymous GETs of public pages are cached whole (home/cache.py, docs/operations.md); 0 disables.
APPRODO_PAGE_CACHE_SECONDS = int(os.environ.get("APPRODO_PAGE_CACHE_SECONDS", "600"))
# Listings rendered for a page the page cache did not answer are kept this long, under the
# content generation (home/fragments.py): a call's opening or closing shows within it. 0 disables.
APPRODO_FRAGMENT_CACHE_SECONDS = int(os.environ.get("APPRODO_FRAGMENT_CACHE_SECONDS", "60"))
WAGTAILFRONTENDCACHE = {"django": {"BACKEND": "home.cache.DjangoCacheBackend"}}
# nginx's front cache (deploy/nginx/approdo.conf) keeps anonymous pages this long and is
# refreshed page by page on publish, after the app's own cache (dict order matters). Changes
# that show on every page (menus, settings) reach it when this many seconds have passed.
APPRODO_FRONT_CACHE_URL = os.environ.get("APPRODO_FRONT_CACHE_URL", "")
APPRODO_FRONT_CACHE_SECONDS = int(os.environ.get("APPRODO_FRONT_CACHE_SECONDS", "0"))
if APPRODO_FRONT_CACHE_URL:
    APPRODO_FRONT_CACHE_SECONDS = APPRODO_FRONT_CACHE_SECONDS or 60
    WAGTAILFRONTENDCACHE["nginx"] = {
        "BACKEND": "operations.front_cache.NginxRefreshBackend",
        "LOCATION": APPRODO_FRONT_CACHE_URL,
    }

# --- Authentication ---------------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

ACCOUNT_ADAPTER = "users.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "users.forms.SignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Approdo] "
# Failed logins: at most 5 per e-mail in 5 minutes and 20 per IP per minute.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    # Public contact form (home.models.contact): a person rarely writes twice in ten minutes.
    "contact_form": "5/10m/ip",
    # Codes e-mailed before a first authenticator app is set up (users.enrolment).
    "totp_enrolment_code": "3/10m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# A first authenticator needs a code e-mailed to the verified address (users/enrolment.py).
MFA_FORMS = {"activate_totp": "users.forms.ActivateTOTPForm"}
MFA_TOTP_ISSUER = "Approdo"

# Staff must have TOTP before /admin/ opens. Only dev may relax this; production refuses.
APPRODO_STAFF_REQUIRE_MFA = True

# --- Wagtail ----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Approdo"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The public read-only API (news/api.py, docs/api.md) answers JSON only.
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# --- Internationalisation ---------------------------------------------------------------
LANGUAGE_CODE = "it"
LANGUAGES = [
    ("it", "Italiano"),
    ("en", "English"),
    ("ar", "العربية"),
]
LANGUAGES_BIDI = ["ar"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_ENABLE_MACHINE_TRANSLATION = False
LOCALE_PATHS = [BASE_DIR / "locale"]
# Italian dates written as Italian writes them (portal/formats/it/formats.py).
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("bootstrap-italia", BASE_DIR / "node_modules" / "bootstrap-italia" / "dist"),
    # The RTL stylesheet is generated from Bootstrap Italia's by `make install` (rtlcss) into
    # var/build whatever APPRODO_VAR_DIR says; same prefix, so its relative font URLs resolve.
    ("bootstrap-italia", BASE_DIR / "var" / "build" / "bootstrap-italia"),
    ("fonts/noto-sans-arabic", BASE_DIR / "node_modules" / "@fontsource" / "noto-sans-arabic"),
    # The dashboard's charts (results/); package.json pins the version.
    ("chart.js", BASE_DIR / "node_modules" / "chart.js" / "dist"),
]
# Signed agreements and other company documents: outside MEDIA_ROOT, never served directly.
PRIVATE_ROOT = Path(os.environ.get("APPRODO_PRIVATE_ROOT", VAR_DIR / "private"))
# The cap on an intern's monthly allowance (euro), as set by the regional rules.
APPRODO_MAX_MONTHLY_ALLOWANCE = Decimal(os.environ.get("APPRODO_MAX_MONTHLY_ALLOWANCE", "500"))

# Interns' personal data is anonymised this many months after their last placement ended
# (manage.py purge_personal_data; see docs/companies.md).
APPRODO_PERSONAL_DATA_MONTHS = int(os.environ.get("APPRODO_PERSONAL_DATA_MONTHS", "24"))
# Sent notification e-mails (recipient, text) are kept this long for support, then deleted.
APPRODO_SENT_EMAIL_DAYS = int(os.environ.get("APPRODO_SENT_EMAIL_DAYS", "90"))

# ClamAV's clamd: a Unix socket path or host:port (Debian: /var/run/clamav/clamd.ctl). When
# set, every upload is scanned before it is kept and refused if the scanner does not answer.
APPRODO_CLAMD_ADDRESS = os.environ.get("APPRODO_CLAMD_ADDRESS", "")
APPRODO_CLAMD_TIMEOUT = int(os.environ.get("APPRODO_CLAMD_TIMEOUT", "30"))
# PDFs carrying other files (attachments): "refuse" (default) or "flag" (kept, staff warned).
APPRODO_PDF_EMBEDDED_FILES = os.environ.get("APPRODO_PDF_EMBEDDED_FILES", "refuse")
# Signed agreements: the certificates a signature must chain to (a PEM bundle, e.g. the
# EU/Italian trusted list exported), and whether revocation data may be fetched online.
APPRODO_TRUSTED_CERTIFICATES = os.environ.get("APPRODO_TRUSTED_CERTIFICATES", "")
APPRODO_SIGNATURE_FETCH_REVOCATION = os.environ.get("APPRODO_SIGNATURE_FETCH_REVOCATION") == "1"
# Behind nginx: downloads are checked and logged by Django, then sent by nginx from this
# internal location (see docs/operations.md). Empty: Django streams the file itself.
APPRODO_PRIVATE_ACCEL_PREFIX = os.environ.get("APPRODO_PRIVATE_ACCEL_PREFIX", "")
# Uploads are streamed to temporary files here (default: the system's temporary directory).
FILE_UPLOAD_TEMP_DIR = os.environ.get("APPRODO_UPLOAD_TEMP_DIR") or None
PRIVATE_STORAGE = {
    "BACKEND": "companies.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_ROOT},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "portal.staticfiles.StaticStorage"},
    "private": PRIVATE_STORAGE,
}
# collectstatic writes gzip and Brotli copies of every file (about 30 s of CPU for Bootstrap
# Italia); APPRODO_STATIC_PRECOMPRESS=0 leaves that to nginx's own compression.
if os.environ.get("APPRODO_STATIC_PRECOMPRESS", "1") == "0":
    STORAGES["staticfiles"] = {"BACKEND": "portal.staticfiles.PlainManifestStaticStorage"}
# S3-compatible object storage (several app instances share it; docs/operations.md): media in
# one bucket, company documents in a private one, both on APPRODO_S3_ENDPOINT_URL.
APPRODO_S3_ENDPOINT_URL = os.environ.get("APPRODO_S3_ENDPOINT_URL", "")
if APPRODO_S3_ENDPOINT_URL:
    from botocore.config import Config as _S3Config

    _s3 = {
        "endpoint_url": APPRODO_S3_ENDPOINT_URL,
        "access_key": os.environ.get("APPRODO_S3_ACCESS_KEY", ""),
        "secret_key": os.environ.get("APPRODO_S3_SECRET_KEY", ""),
        "region_name": os.environ.get("APPRODO_S3_REGION", "us-east-1"),
        # A store that does not answer at all would hold a request for minutes under
        # botocore's defaults (60 s to connect, up to 5 attempts); three attempts still ride
        # out a dropped connection.
        "client_config": _S3Config(
            s3={"addressing_style": "path"},
            signature_version="s3v4",
            connect_timeout=3,
            read_timeout=60,
            retries={"mode": "standard", "max_attempts": 3},
        ),
    }
    STORAGES["private"] = PRIVATE_STORAGE = {
        "BACKEND": "companies.object_storage.PrivateS3Storage",
        "OPTIONS": {**_s3, "bucket_name": os.environ.get("APPRODO_S3_PRIVATE_BUCKET", "private")},
    }
    # Public media (images, documents of pages) are read through nginx or a CDN at
    # APPRODO_S3_MEDIA_DOMAIN (host/path), without signatures, so pages can cache them.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": os.environ.get("APPRODO_S3_MEDIA_BUCKET", "media"),
            "querystring_auth": False,
            "file_overwrite": False,
            "custom_domain": os.environ.get("APPRODO_S3_MEDIA_DOMAIN") or None,
            "url_protocol": os.environ.get("APPRODO_S3_MEDIA_PROTOCOL", "https:"),
        },
    }
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# --- E-mail and tasks -------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Approdo <noreply@approdo.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Every e-mail waits in the outbox (mail/outbox.py) until the transport below accepts it.
EMAIL_BACKEND = "mail.outbox.OutboxBackend"
APPRODO_EMAIL_TRANSPORT = "django.core.mail.backends.smtp.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Scheduled jobs, lost tasks, reminders and readiness ------------------------------------
from portal.settings.jobs import *  # noqa: E402, F403

# --- Security ---------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4). The Wagtail admin needs inline styles and
# scripts for its editor widgets, so /admin/ gets a looser policy from
# home.middleware.ContentSecurityPolicyMiddleware; the public site does not.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "approdo": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
