from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site shell: home page, site settings, navigation, health check."""

    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from home.spreadsheets import install as install_spreadsheet_safety

        # No exported cell may run as a formula in a spreadsheet (CSV injection).
        install_spreadsheet_safety()
