from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    """Reminders of steps nobody took, and the moderators' weekly digest."""

    name = "reminders"
    verbose_name = _("Reminders")

    def ready(self):
        from reminders import (
            accounts,
            receivers,  # noqa: F401  (erasure with the person)
        )

        # The account download; the rows themselves go with the account (on_delete).
        accounts.register()
