"""Placements get their participant, beside the intern record they still hang on until
0024 copies the interns over."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0022_placement_withdrawn"),
        ("participants", "0007_participant_export_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="placement",
            name="participant",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="placements",
                to="participants.participant",
                verbose_name="intern",
            ),
        ),
    ]
