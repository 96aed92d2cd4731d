"""Moderators run the paths of their territories' people; Tutors read their people's pages
and fill in session registers. Reversible."""

from django.db import migrations

MODERATOR = [
    ("participant", "view_participant"),
    ("participant", "add_participant"),
    ("participant", "change_participant"),
    ("participant", "manage_path"),
    ("attendance", "add_attendance"),
    ("attendanceadjustment", "add_attendanceadjustment"),
    ("monthlock", "add_monthlock"),
    ("session", "add_session"),
    ("session", "change_session"),
]
TUTOR = [("participant", "view_participant"), ("attendance", "add_attendance")]
GRANTS = {"Moderators": MODERATOR, "Tutors": TUTOR}


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
    dependencies = [
        ("participants", "0002_initial"),
        ("companies", "0015_intern_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
