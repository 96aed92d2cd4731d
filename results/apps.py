from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    """Targets against actuals: the coordinators' dashboard and the public results page."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "results"
    verbose_name = _("Results")

    def ready(self):
        from results.cache import connect_signals

        connect_signals()
