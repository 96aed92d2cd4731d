from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """The ESF+ monitoring: the consented, encrypted special-category answers and the
    funder's indicator tables built from them in aggregate."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "monitoring"
    verbose_name = _("ESF+ monitoring")

    def ready(self):
        from monitoring.privacy import erase, export_section
        from participants.export import register_section
        from participants.privacy import anonymised

        anonymised.connect(erase, dispatch_uid="approdo.monitoring.erase")
        register_section(export_section)
