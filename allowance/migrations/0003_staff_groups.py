"""Operators (Moderators) check statements; the new Allowance coordinators group keeps the
rules and approves statements. Reversible."""

from django.db import migrations

MODERATOR = [
    ("allowance", "statement", "view_statement"),
    ("allowance", "statement", "check_statement"),
]
COORDINATOR = [
    ("wagtailadmin", "admin", "access_admin"),
    # Statements are scoped like the people they pay: their territories, their caseload.
    ("participants", "participant", "view_participant"),
    ("allowance", "allowancerule", "view_allowancerule"),
    ("allowance", "allowancerule", "add_allowancerule"),
    ("allowance", "allowancerule", "change_allowancerule"),
    ("allowance", "allowancerule", "delete_allowancerule"),
    ("allowance", "statement", "view_statement"),
    ("allowance", "statement", "approve_statement"),
]
COORDINATORS = "Allowance coordinators"


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.add(*(permission(apps, *spec) for spec in MODERATOR))
    coordinators, _created = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.add(*(permission(apps, *spec) for spec in COORDINATOR))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.remove(*(permission(apps, *spec) for spec in MODERATOR))
    Group.objects.filter(name=COORDINATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("allowance", "0002_statements"),
        ("participants", "0003_staff_permissions"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
