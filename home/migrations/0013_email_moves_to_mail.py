"""The outbox and the e-mail wording now belong to mail (see mail's 0001): home forgets
them in Django's state only; their tables and rows stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0012_outgoing_email_erase_after_send"),
        ("mail", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterUniqueTogether(
                    name="emailwording",
                    unique_together=None,
                ),
                migrations.RemoveField(
                    model_name="emailwording",
                    name="locale",
                ),
                migrations.DeleteModel(
                    name="OutgoingEmail",
                ),
                migrations.DeleteModel(
                    name="EmailWording",
                ),
            ],
        ),
    ]
