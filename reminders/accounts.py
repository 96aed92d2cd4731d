"""The reminders' part of a user's account download (users.contributions)."""

from reminders.models import ReminderPreference, SentReminder


def export_reminders(user):
    """Whether the digest is on, and the reminders sent to the user; two queries."""
    preference = ReminderPreference.objects.filter(user=user).first()
    return {
        "weekly_digest": preference is None or preference.digests,
        "sent": [
            {"kind": kind, "period": period, "sent_at": sent_at.isoformat()}
            for kind, period, sent_at in SentReminder.objects.filter(recipient=user)
            .order_by("sent_at", "pk")
            .values_list("kind", "period", "sent_at")
        ],
    }


def register():
    from users.contributions import register_export

    register_export("reminders", export_reminders)
