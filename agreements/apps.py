from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    """Agreements and individual training projects: generated from the data, signed, verified."""

    name = "agreements"
    verbose_name = _("Agreements")
