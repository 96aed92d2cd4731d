from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    """Host companies and everything they provide or see."""

    name = "companies"
    verbose_name = _("Host companies")
