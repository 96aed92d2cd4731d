from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    """Accounts: the custom user model and the allauth integration."""

    name = "users"
    verbose_name = _("Users")

    def ready(self):
        from users import sidebar

        sidebar.connect()
