from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site shell: home page, site settings, navigation, health check."""

    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from home.outbox import OutgoingEmail
        from home.permissions import ReadOnlyPermissionPolicy
        from home.spreadsheets import install as install_spreadsheet_safety

        # Sent e-mails are a record: looked at by superusers, never edited.
        register_permission_policy(OutgoingEmail, ReadOnlyPermissionPolicy(OutgoingEmail))
        # No exported cell may run as a formula in a spreadsheet (CSV injection).
        install_spreadsheet_safety()
