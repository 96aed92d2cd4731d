"""How long the outbox keeps what it sent.

Sent e-mails keep their addresses and texts for APPRODO_SENT_EMAIL_DAYS, for support
questions ("did the company get the e-mail?"), then they are deleted. E-mails carrying a
secret lose their text as soon as they are sent (mail.outbox). ``purge_personal_data``
runs this job together with the other apps' retention.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from mail.models import OutgoingEmail


def sent_emails_due(days=None, now=None):
    """Sent e-mails older than ``days`` (default APPRODO_SENT_EMAIL_DAYS)."""
    days = settings.APPRODO_SENT_EMAIL_DAYS if days is None else days
    limit = (now or timezone.now()) - datetime.timedelta(days=days)
    return OutgoingEmail.objects.filter(sent_at__lt=limit)


def purge_sent_emails(apply=False, days=None, now=None):
    """Deletes the sent e-mails past retention when ``apply``; returns how many are due."""
    emails = sent_emails_due(days, now)
    count = emails.count()
    if apply:
        emails.delete()
    return count
