"""The declarations an Italian host company signs, shipped in it, en and ar.

Staff can reword, reorder, add or retire them afterwards (Settings → Company declarations).
"""

import uuid

from django.db import migrations

# Fixed keys so that the reverse migration removes exactly these items.
DEFAULTS = [
    (
        uuid.UUID("6f0c3c1e-0b1a-4c55-9d3e-2a8f7f1d0a01"),
        {
            "it": "L'impresa è in regola con la normativa sulla salute e sicurezza nei luoghi "
            "di lavoro (D.lgs. 81/2008) e ha effettuato la valutazione dei rischi.",
            "en": "The company complies with the law on health and safety at work "
            "(Legislative Decree 81/2008) and has carried out its risk assessment.",
            "ar": "تلتزم الشركة بقانون الصحة والسلامة في أماكن العمل "
            "(المرسوم التشريعي 81/2008) وقد أجرت تقييم المخاطر.",
        },
    ),
    (
        uuid.UUID("6f0c3c1e-0b1a-4c55-9d3e-2a8f7f1d0a02"),
        {
            "it": "Nei 12 mesi precedenti l'impresa non ha effettuato licenziamenti collettivi "
            "né licenziamenti per giustificato motivo oggettivo per mansioni equivalenti a "
            "quelle del tirocinio, fatti salvi quelli per giusta causa o giustificato motivo "
            "soggettivo.",
            "en": "In the last 12 months the company has made no collective dismissals, nor "
            "dismissals for economic reasons, in roles equivalent to those of the internship, "
            "except dismissals for just cause or for the employee's conduct.",
            "ar": "لم تقم الشركة خلال الأشهر الاثني عشر الماضية بأي تسريح جماعي ولا بتسريح "
            "لأسباب اقتصادية في وظائف مماثلة لوظائف التدريب، باستثناء الفصل لسبب عادل أو "
            "بسبب سلوك الموظف.",
        },
    ),
    (
        uuid.UUID("6f0c3c1e-0b1a-4c55-9d3e-2a8f7f1d0a03"),
        {
            "it": "L'impresa non ha in corso procedure di cassa integrazione per mansioni "
            "equivalenti a quelle del tirocinio.",
            "en": "The company has no wage-guarantee scheme (cassa integrazione) under way for "
            "roles equivalent to those of the internship.",
            "ar": "ليس لدى الشركة أي إجراء جارٍ لصندوق ضمان الأجور (cassa integrazione) في "
            "وظائف مماثلة لوظائف التدريب.",
        },
    ),
    (
        uuid.UUID("6f0c3c1e-0b1a-4c55-9d3e-2a8f7f1d0a04"),
        {
            "it": "I dati riportati in questa scheda aziendale corrispondono al vero.",
            "en": "The information given in this company dossier is true.",
            "ar": "المعلومات الواردة في ملف الشركة هذا صحيحة.",
        },
    ),
    (
        uuid.UUID("6f0c3c1e-0b1a-4c55-9d3e-2a8f7f1d0a05"),
        {
            "it": "Il dichiarante ha letto l'informativa sul trattamento dei dati personali "
            "(artt. 13 e 14 del Regolamento UE 2016/679).",
            "en": "The declaring person has read the notice on the processing of personal data "
            "(articles 13 and 14 of Regulation (EU) 2016/679).",
            "ar": "اطّلع المُصرِّح على إشعار معالجة البيانات الشخصية "
            "(المادتان 13 و14 من اللائحة الأوروبية 2016/679).",
        },
    ),
]


def create_defaults(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    DeclarationItem = apps.get_model("companies", "DeclarationItem")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for order, (key, texts) in enumerate(DEFAULTS, start=1):
        for code, text in texts.items():
            if code in locales:
                DeclarationItem.objects.get_or_create(
                    translation_key=key,
                    locale=locales[code],
                    defaults={"text": text, "sort_order": order * 10, "active": True},
                )


def remove_defaults(apps, schema_editor):
    DeclarationItem = apps.get_model("companies", "DeclarationItem")
    DeclarationItem.objects.filter(translation_key__in=[key for key, _ in DEFAULTS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0004_team_and_declarations"),
        ("home", "0002_site_structure"),
    ]

    operations = [migrations.RunPython(create_defaults, remove_defaults)]
