"""Listing columns and row actions shared by the back-office screens."""

from django.utils import formats
from wagtail.admin.ui.tables import Column


class DayColumn(Column):
    """A calendar day written as a date. Wagtail's DateColumn speaks of moments ("8 months
    ago"), and calls every future day "just now": a running placement's end read that way."""

    def get_value(self, instance):
        day = super().get_value(instance)
        return formats.date_format(day, "SHORT_DATE_FORMAT") if day else "—"


class RowLinkIsTheAction:
    """Index-view mixin: a row's "More options" menu leaves out what the row's title already
    opens. Wagtail lists "Inspect" there even when the title links to the same page; on a
    queue that is one more button per row for a screen reader to hear, and one more dropdown
    to render (a tenth of the companies queue's time). A row left with nothing else gets no
    menu at all."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        title_link = self.get_edit_url(instance) or self.get_inspect_url(instance)
        if title_link is None:
            return buttons
        return [button for button in buttons if getattr(button, "url", None) != title_link]
