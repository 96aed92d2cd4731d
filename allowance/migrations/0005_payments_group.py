"""The Payments group: sees bank accounts, makes payment batches and records their outcome;
coordinators keep the allowance budgets. Reversible."""

from django.db import migrations

PAYMENTS = "Payments"
GRANTS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("allowance", "bankaccount", "view_bankaccount"),
    ("allowance", "bankaccount", "add_bankaccount"),
    ("allowance", "bankaccount", "change_bankaccount"),
    ("allowance", "paymentbatch", "view_paymentbatch"),
    ("allowance", "paymentbatch", "pay_statement"),
    ("allowance", "allowancebudget", "view_allowancebudget"),
]
COORDINATOR = [
    ("allowance", "allowancebudget", "view_allowancebudget"),
    ("allowance", "allowancebudget", "add_allowancebudget"),
    ("allowance", "allowancebudget", "change_allowancebudget"),
]


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
    payments, _created = Group.objects.get_or_create(name=PAYMENTS)
    payments.permissions.add(*(permission(apps, *spec) for spec in GRANTS))
    coordinators = Group.objects.filter(name="Allowance coordinators").first()
    if coordinators is not None:
        coordinators.permissions.add(*(permission(apps, *spec) for spec in COORDINATOR))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Group.objects.filter(name=PAYMENTS).delete()
    coordinators = Group.objects.filter(name="Allowance coordinators").first()
    if coordinators is not None:
        coordinators.permissions.remove(*(permission(apps, *spec) for spec in COORDINATOR))


class Migration(migrations.Migration):
    dependencies = [("allowance", "0004_payments")]

    operations = [migrations.RunPython(forwards, backwards)]
