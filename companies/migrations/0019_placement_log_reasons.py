"""Placement audit entries keep whether a reason was given, not the reason itself.

The reason stays on the PlacementEvent, which anonymisation empties; entries written before
this change carried the text too, and anonymisation could not reach them there.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    entries = ModelLogEntry.objects.filter(
        action="approdo.company.placement", data__has_key="reason"
    )
    for entry in entries:
        data = dict(entry.data)
        data["reason_given"] = bool(data.pop("reason"))
        entry.data = data
        entry.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0018_report_permission"),
        ("wagtailcore", "0088_fix_log_entry_json_timestamps"),
    ]

    # Nothing to restore: the texts are gone on purpose.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
