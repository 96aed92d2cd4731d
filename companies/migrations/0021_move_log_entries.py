"""Audit entries about the domain's objects move from Wagtail's shared log to
CompanyLogEntry, which lists them only to staff who may open the objects, and lose the
names of people: an intern's entries are labelled with the pseudonymous code and keep no
data, memberships, invitations and the like are labelled with their kind and id.
"""

from django.db import migrations
from django.utils.text import capfirst

# As in companies/models/audit.py when this migration was written.
LABELLED_BY_STR = {"company", "companydocument", "operatingsite", "placement", "position"}
CONFIGURATION = {"territory", "declarationitem", "documentkind", "companylogentry"}
FIELDS = [
    "content_type_id",
    "object_id",
    "action",
    "data",
    "timestamp",
    "uuid",
    "user_id",
    "revision_id",
    "content_changed",
    "deleted",
]


def domain_types(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.filter(app_label="companies").exclude(model__in=CONFIGURATION)


def label_and_data(apps, entry, content_type):
    name = content_type.model
    if name == "intern":
        Intern = apps.get_model("companies", "Intern")
        code = Intern.objects.filter(pk=entry.object_id).values_list("code", flat=True).first()
        return code or f"Intern {entry.object_id}", {}
    if name in LABELLED_BY_STR:
        return entry.label, entry.data
    try:
        verbose = apps.get_model("companies", name)._meta.verbose_name
    except LookupError:
        verbose = name
    return f"{capfirst(str(verbose))} {entry.object_id}", entry.data


def forwards(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    CompanyLogEntry = apps.get_model("companies", "CompanyLogEntry")
    for content_type in domain_types(apps):
        entries = ModelLogEntry.objects.filter(content_type=content_type).order_by("pk")
        moved = []
        for entry in entries.iterator():
            label, data = label_and_data(apps, entry, content_type)
            values = {field: getattr(entry, field) for field in FIELDS}
            moved.append(CompanyLogEntry(**{**values, "label": label, "data": data}))
        CompanyLogEntry.objects.bulk_create(moved, batch_size=500)
        entries.delete()


def backwards(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    CompanyLogEntry = apps.get_model("companies", "CompanyLogEntry")
    entries = CompanyLogEntry.objects.order_by("pk")
    ModelLogEntry.objects.bulk_create(
        (
            ModelLogEntry(label=entry.label, **{field: getattr(entry, field) for field in FIELDS})
            for entry in entries.iterator()
        ),
        batch_size=500,
    )
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0020_company_log_entries"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
