"""Moderators correct countersigned internship months. Reversible."""

from django.db import migrations

GRANTS = {"Moderators": [("internshipadjustment", "add_internshipadjustment")]}


def permission(apps, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="participants", model=model
    )
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, grants in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*(permission(apps, *grant) for grant in grants))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, grants in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*(permission(apps, *grant) for grant in grants))


class Migration(migrations.Migration):
    dependencies = [("participants", "0005_internship_months")]

    operations = [migrations.RunPython(forwards, backwards)]
