"""The Monitoring group: the only one that reads and records the ESF+ special-category
answers, and sees the indicator tables (which coordinators may be granted too); it may open
the admin to do so. Reversible: backwards removes the group."""

from django.db import migrations

GROUP = "Monitoring"


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        permission(
            apps,
            "monitoring",
            "monitoringrecord",
            "read_answers",
            "Can read and record the ESF+ special-category answers",
        ),
        permission(
            apps,
            "monitoring",
            "monitoringrecord",
            "view_indicators",
            "Can view the ESF+ indicator tables",
        ),
        permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    )


def backwards(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
