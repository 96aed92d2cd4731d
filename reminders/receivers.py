"""Signal receivers of the reminders (connected in RemindersConfig.ready)."""

from django.dispatch import receiver

from participants.privacy import anonymised


@receiver(anonymised, dispatch_uid="reminders_erase_with_person")
def erase_reminders(sender, participant, **kwargs):
    """The record of reminders about the person goes with them."""
    from reminders.models import SentReminder

    SentReminder.objects.filter(participant=participant).delete()
