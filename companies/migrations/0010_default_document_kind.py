"""The document every host company signs: the internship agreement, asked once approved.

Staff add other kinds, attach the blank forms and change what is asked in Settings →
Document kinds.
"""

import uuid

from django.db import migrations

AGREEMENT = uuid.UUID("8d3f5b2a-61c4-4e0f-9a57-3c1d2e4f5a01")
TEXTS = {
    "it": (
        "Convenzione di tirocinio firmata",
        "La convenzione tra l'ente promotore e l'impresa, firmata dal legale rappresentante "
        "(firma autografa scansionata o firma digitale).",
    ),
    "en": (
        "Signed internship agreement (convenzione)",
        "The agreement between the promoting body and the company, signed by the legal "
        "representative (scanned handwritten signature or digital signature).",
    ),
    "ar": (
        "اتفاقية التدريب الموقّعة (convenzione)",
        "الاتفاقية بين الجهة المروّجة والشركة، موقّعة من الممثل القانوني "
        "(توقيع بخط اليد ممسوح ضوئيًا أو توقيع رقمي).",
    ),
}


def create(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    DocumentKind = apps.get_model("companies", "DocumentKind")
    for locale in Locale.objects.filter(language_code__in=TEXTS):
        name, description = TEXTS[locale.language_code]
        DocumentKind.objects.get_or_create(
            translation_key=AGREEMENT,
            locale=locale,
            defaults={
                "name": name,
                "description": description,
                "due_from": "approved",
                "required": True,
                "max_size_mb": 20,
                "sort_order": 10,
                "active": True,
            },
        )


def remove(apps, schema_editor):
    apps.get_model("companies", "DocumentKind").objects.filter(translation_key=AGREEMENT).delete()


class Migration(migrations.Migration):
    dependencies = [("companies", "0009_documents"), ("home", "0002_site_structure")]

    operations = [migrations.RunPython(create, remove)]
