"""The Allowance coordinators (the project's coordinators) see the targets-vs-actuals
dashboard; moderators do not. Reversible."""

from django.db import migrations

COORDINATORS = "Allowance coordinators"


def _permission(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="results", model="resultspage"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_dashboard",
        defaults={"name": "Can see the targets-vs-actuals dashboard"},
    )
    return permission


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    coordinators, _created = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.add(_permission(apps))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.remove(_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("results", "0001_initial"),
        ("allowance", "0003_staff_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
