from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    """E-mail delivery: the outbox and its worker, the notifications' wording, retention."""

    name = "mail"
    verbose_name = _("E-mail")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from mail.models import OutgoingEmail
        from mail.permissions import OutboxPermissionPolicy

        # Sent e-mails are a record: looked at by superusers, never edited.
        register_permission_policy(OutgoingEmail, OutboxPermissionPolicy(OutgoingEmail))
