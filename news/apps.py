from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """Project news (and, later, calls): index and detail pages, feeds."""

    name = "news"
    verbose_name = _("News")
