"""Replaces Wagtail's welcome page with an Approdo HomePage and adds the content locales."""

import uuid

from django.conf import settings
from django.db import migrations

HOME_TITLE = "Approdo"


def create_structure(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    if HomePage.objects.exists():
        return
    # Wagtail's own migration leaves a plain "Welcome" page at depth 2; remove it only if it
    # is still that untouched page.
    welcome = Page.objects.filter(depth=2, content_type__app_label="wagtailcore").first()
    if welcome is not None:
        Site.objects.filter(root_page=welcome).delete()
        welcome.delete()
        root = Page.objects.get(depth=1)
        root.numchild = Page.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])

    content_type, _created = ContentType.objects.get_or_create(app_label="home", model="homepage")
    path = "0001" + f"{Page.objects.filter(depth=2).count() + 1:04d}"
    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=default_locale,
        translation_key=uuid.uuid4(),
        live=True,
    )
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Approdo"},
    )


def remove_structure(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    Site = apps.get_model("wagtailcore.Site")
    Site.objects.filter(root_page__in=HomePage.objects.all()).delete()
    HomePage.objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_structure, remove_structure)]
