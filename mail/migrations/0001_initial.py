"""The outbox and the e-mail wording move here from home, their tables and rows untouched.

The models keep their tables (home_outgoingemail, home_emailwording, see their Meta), so this
migration only tells Django's state where they now live; home's 0013 forgets them there.
Their content types follow them, so permissions granted to groups, wagtail-localize's
translation sources and the admin's log entries keep pointing at the same rows.
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

MODELS = ["outgoingemail", "emailwording"]


def move_content_types(apps, schema_editor, source="home", target="mail"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="mail", target="home")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0012_outgoing_email_erase_after_send"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='OutgoingEmail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(max_length=60, verbose_name='kind')),
                        ('to', models.EmailField(max_length=254, verbose_name='recipient')),
                        ('language', models.CharField(max_length=10, verbose_name='language')),
                        ('subject', models.CharField(max_length=255, verbose_name='subject')),
                        ('text', models.TextField(verbose_name='text')),
                        ('html', models.TextField(blank=True, verbose_name='HTML')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='failed attempts')),
                        ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='next attempt')),
                        ('last_error', models.TextField(blank=True, verbose_name='last error')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent')),
                        ('erase_after_send', models.BooleanField(default=False, help_text='The e-mail carries a secret (a link or code): only its record is kept.', verbose_name='erase the text once sent')),
                    ],
                    options={
                        'verbose_name': 'outgoing e-mail',
                        'verbose_name_plural': 'outgoing e-mails',
                        'db_table': 'home_outgoingemail',
                        'ordering': ['-created_at'],
                        'indexes': [models.Index(fields=['sent_at', 'next_attempt_at'], name='home_outgoi_sent_at_db1497_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='EmailWording',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('kind', models.CharField(choices=[('invitation', 'Invitation to join a company'), ('join_request', 'Request to join a company (to its administrators)'), ('submission_received', 'Dossier received (to the company)'), ('new_submission', "New dossier to review (to the territory's moderators)"), ('decision_changes_requested', 'Changes requested (to the company)'), ('decision_approved', 'Dossier approved (to the company)'), ('decision_rejected', 'Dossier rejected (to the company)'), ('document_accepted', 'Document accepted (to the company)'), ('document_rejected', 'Document rejected (to the company)'), ('placement_proposed', 'Placement proposed (to the company)'), ('placement_updated', 'Placement started, suspended, resumed, extended or ended'), ('placement_accepted', 'Placement accepted by the company (to staff)'), ('placement_declined', 'Placement declined by the company (to staff)')], max_length=60, verbose_name='e-mail')),
                        ('subject', models.CharField(max_length=200, verbose_name='subject')),
                        ('body', models.TextField(help_text='Plain text; a blank line starts a new paragraph and links become clickable. Use the placeholders listed above, e.g. $company or $url.', verbose_name='text')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'e-mail wording',
                        'verbose_name_plural': 'e-mail wordings',
                        'db_table': 'home_emailwording',
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('kind', 'locale'), name='one_wording_per_language')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
