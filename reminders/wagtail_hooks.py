"""The reminders' line in the company's and the person's history."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter


@hooks.register("register_log_actions")
def register_reminder_log_actions(actions):
    @actions.register_action("approdo.reminder.sent")
    class ReminderSent(LogFormatter):
        label = _("Send a reminder")

        def format_message(self, log_entry):
            from reminders.models import Kind

            kind = log_entry.data.get("kind", "")
            label = Kind(kind).label if kind in Kind.values else kind
            return _("Reminder sent: %(kind)s") % {"kind": label}
