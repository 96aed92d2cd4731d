"""Recreates the rows Wagtail's and Approdo's migrations make.

Live-server (transactional) tests flush the database after each test, including the root
page, locales and default Site that migrations created; the next test would get a 404.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from home.models import HomePage


def ensure_site_structure():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=default_locale))
    home = HomePage.objects.filter(depth=2, locale=default_locale).first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title="Approdo", slug="home", locale=default_locale)
        )
    Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Approdo"},
    )
    # wagtail-localize creates this permission in a data migration, which a flush undoes.
    translation_type, _created = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.get_or_create(
        content_type=translation_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    # The shipped company declarations come from a data migration too.
    import_module("companies.migrations.0005_default_declarations").create_defaults(apps, None)
    import_module("companies.migrations.0010_default_document_kind").create(apps, None)
    # Wagtail caches site root paths; stale entries point at the flushed Site.
    cache.clear()
    return home
