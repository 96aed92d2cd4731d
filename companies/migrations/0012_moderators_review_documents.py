"""Moderators also download and review the documents of their territories' companies."""

from django.db import migrations

PERMISSIONS = [
    (
        "companies",
        "company",
        "review_document",
        "Can download and review host companies' documents",
    ),
    ("companies", "companydocument", "view_companydocument", "Can view company document"),
]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def forwards(apps, schema_editor):
    moderators = apps.get_model("auth.Group").objects.filter(name="Moderators").first()
    if moderators is not None:
        for spec in PERMISSIONS:
            moderators.permissions.add(permission(apps, *spec))


def backwards(apps, schema_editor):
    moderators = apps.get_model("auth.Group").objects.filter(name="Moderators").first()
    if moderators is not None:
        for spec in PERMISSIONS:
            moderators.permissions.remove(permission(apps, *spec))


class Migration(migrations.Migration):
    dependencies = [("companies", "0011_document_review")]

    operations = [migrations.RunPython(forwards, backwards)]
