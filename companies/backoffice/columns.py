"""Listing columns shared by the back-office screens."""

from django.utils import formats
from wagtail.admin.ui.tables import Column


class DayColumn(Column):
    """A calendar day written as a date. Wagtail's DateColumn speaks of moments ("8 months
    ago"), and calls every future day "just now": a running placement's end read that way."""

    def get_value(self, instance):
        day = super().get_value(instance)
        return formats.date_format(day, "SHORT_DATE_FORMAT") if day else "—"
