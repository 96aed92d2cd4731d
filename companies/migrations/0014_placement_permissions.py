"""Moderators (their territories) and Tutors (the placements they follow) manage placements."""

from django.db import migrations

PERMISSIONS = [
    ("companies", "placement", "manage_placement", "Can propose and manage placements"),
    ("companies", "placement", "view_placement", "Can view placement"),
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
    for group in apps.get_model("auth.Group").objects.filter(name__in=["Moderators", "Tutors"]):
        for spec in PERMISSIONS:
            group.permissions.add(permission(apps, *spec))


def backwards(apps, schema_editor):
    for group in apps.get_model("auth.Group").objects.filter(name__in=["Moderators", "Tutors"]):
        for spec in PERMISSIONS:
            group.permissions.remove(permission(apps, *spec))


class Migration(migrations.Migration):
    dependencies = [("companies", "0013_placements")]

    operations = [migrations.RunPython(forwards, backwards)]
