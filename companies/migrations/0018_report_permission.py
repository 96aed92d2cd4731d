"""Moderators read the project report; card views recorded before keep their viewer's address."""

from django.db import migrations


def permission(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="companies", model="placement"
    )
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_report",
        defaults={"name": "Can read the project report (aggregates only)"},
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name="Moderators").first()
    if group is not None:
        group.permissions.add(permission(apps))
    InternCardView = apps.get_model("companies", "InternCardView")
    for view in InternCardView.objects.filter(viewer="", user__isnull=False).select_related("user"):
        view.viewer = view.user.email
        view.save(update_fields=["viewer"])


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name="Moderators").first()
    if group is not None:
        group.permissions.remove(permission(apps))


class Migration(migrations.Migration):
    dependencies = [("companies", "0017_placement_outcome_report")]

    operations = [migrations.RunPython(forwards, backwards)]
