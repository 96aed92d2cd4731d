"""Moderators keep intern records of their territories; Tutors read those they follow."""

from django.db import migrations

GRANTS = {
    "Moderators": [("add_intern", "Can add intern"), ("change_intern", "Can change intern"),
                   ("view_intern", "Can view intern")],
    "Tutors": [("view_intern", "Can view intern")],
}  # fmt: skip


def permission(apps, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="companies", model="intern"
    )
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, grants in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            for codename, label in grants:
                group.permissions.add(permission(apps, codename, label))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, grants in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            for codename, label in grants:
                group.permissions.remove(permission(apps, codename, label))


class Migration(migrations.Migration):
    dependencies = [("companies", "0014_placement_permissions")]

    operations = [migrations.RunPython(forwards, backwards)]
