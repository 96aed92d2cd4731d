"""Placements point at participants now (companies 0024): the link to the intern record goes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0024_interns_to_participants"),
        ("participants", "0007_participant_export_permission"),
    ]

    operations = [migrations.RemoveField(model_name="participant", name="intern")]
