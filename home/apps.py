from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site shell: home page, site settings, navigation, health check."""

    name = "home"
    verbose_name = _("Site")
