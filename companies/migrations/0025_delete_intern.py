"""Every placement has its participant (0024): the intern record goes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0024_interns_to_participants"),
        ("participants", "0008_remove_participant_intern"),
    ]

    operations = [
        migrations.RemoveField(model_name="placement", name="intern"),
        migrations.AlterField(
            model_name="placement",
            name="participant",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="placements",
                to="participants.participant",
                verbose_name="intern",
            ),
        ),
        migrations.DeleteModel(name="Intern"),
    ]
