"""What the reminders remember: which reminder went to whom for which fact and period, and
whether a user wants the weekly digest.

SentReminder is the claim that makes a reminder go once: its unique constraint admits one row
per (kind, subject, recipient, period), and the e-mail is queued in the same transaction as
the row, so two runs of a job (or two schedulers at once) send one e-mail.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """Each reminder and the digest; the values are also the e-mail kinds (mail.wording)."""

    DOSSIER_IDLE = "reminder_dossier_idle", _("Dossier draft left idle")
    CHANGES_UNANSWERED = "reminder_changes_unanswered", _("Requested changes not answered")
    DOCUMENTS_MISSING = "reminder_documents_missing", _("Required documents missing")
    AGREEMENT_EXPIRING = "reminder_agreement_expiring", _("Agreement about to expire")
    ATTENDANCE_MONTH = "reminder_attendance_month", _("Month's internship attendance to confirm")
    QUEUE_WAITING = "reminder_queue_waiting", _("Items waiting in the review queue")
    STATEMENTS_WAITING = "reminder_statements_waiting", _("Allowance statements to approve")
    FOLLOW_UP_OVERDUE = "reminder_follow_up_overdue", _("Follow-up overdue")
    DIGEST = "digest_weekly", _("Weekly digest")


COMPANY_KINDS = [
    Kind.DOSSIER_IDLE,
    Kind.CHANGES_UNANSWERED,
    Kind.DOCUMENTS_MISSING,
    Kind.AGREEMENT_EXPIRING,
    Kind.ATTENDANCE_MONTH,
]
STAFF_KINDS = [Kind.QUEUE_WAITING, Kind.STATEMENTS_WAITING, Kind.FOLLOW_UP_OVERDUE]


class SentReminder(models.Model):
    """One reminder sent to one person about one fact in one period."""

    kind = models.CharField(_("reminder"), max_length=60, choices=Kind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The period the fact belongs to: the day a step fell due, a month, an ISO week…
    period = models.CharField(_("period"), max_length=20)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    # For the company's history, and so that the row goes with the company.
    company = models.ForeignKey(
        "companies.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The person the reminder is about, if any: the row is deleted when they are erased.
    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "recipient", "period"],
                name="reminder_once_per_period",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.period}"


class ReminderPreference(models.Model):
    """What a user chose to receive: only the digest can be turned off, never a step's
    reminder."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    digests = models.BooleanField(_("weekly digest"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self):
        return str(self.user_id)


def wants_digest(user):
    """True unless the user turned the weekly digest off."""
    return not ReminderPreference.objects.filter(user=user, digests=False).exists()
