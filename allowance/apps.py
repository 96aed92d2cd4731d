from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllowanceConfig(AppConfig):
    """The participation allowance: rules per project, monthly statements, payments."""

    name = "allowance"
    verbose_name = _("Allowances")

    def ready(self):
        from allowance import receivers  # noqa: F401  (erasure with the person)
