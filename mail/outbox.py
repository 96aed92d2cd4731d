"""Outgoing e-mail, kept in the database until the mail server accepts it.

Every notification is rendered once, in its recipient's language, into an OutgoingEmail row,
and a django-tasks task delivers it. When the SMTP server is down the row stays, with the
error and the time of the next attempt (backing off from one minute to six hours); the
retry is queued as a deferred task where the backend supports it (the database queue in
production) and ``manage.py send_queued_emails`` delivers whatever is due, so an outage
delays e-mails and loses none. A row is sent under a row lock and marked sent in the same
transaction, so two workers never send it twice.

Every e-mail the project sends comes here: the notifications call ``queue_email``; allauth's
e-mails (confirmation, password reset, "account already exists") come through the account
adapter (users.adapters); anything else sent with Django's mail functions (Wagtail's workflow
notifications, the contact form, error reports) through ``OutboxBackend``, the EMAIL_BACKEND,
while the rows themselves are handed to the real transport, APPRODO_EMAIL_TRANSPORT.
An e-mail carrying a secret (a confirmation link, a reset key, a one-time code) is queued with
``erase_after_send``: its body is emptied once the server has accepted it. An e-mail may carry
one attachment (a person's allowance statement as a PDF); it is erased with the body.
"""

import datetime
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import default_task_backend, task

# Seconds to wait after the 1st, 2nd, … failed attempt; the last value repeats.
BACKOFF = [60, 300, 900, 3600, 6 * 3600]


def next_attempt(attempts, now=None):
    now = now or timezone.now()
    return now + datetime.timedelta(seconds=BACKOFF[min(attempts, len(BACKOFF)) - 1])


class OutgoingEmail(models.Model):
    """One e-mail to one recipient, as rendered when the event happened."""

    kind = models.CharField(_("kind"), max_length=60)
    to = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=255)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Extra headers, e.g. a digest's List-Unsubscribe (RFC 8058); emptied with the text.
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    erase_after_send = models.BooleanField(
        _("erase the text once sent"),
        default=False,
        help_text=_("The e-mail carries a secret (a link or code): only its record is kept."),
    )
    attachment_name = models.CharField(_("attachment"), max_length=120, blank=True)
    attachment_type = models.CharField(_("attachment type"), max_length=80, blank=True)
    attachment = models.BinaryField(_("attachment content"), blank=True, default=b"")

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"])]
        # The table it had when the outbox was part of home: moving the app moved no row.
        db_table = "home_outgoingemail"

    def __str__(self):
        return f"{self.kind} → {self.to}"

    def as_message(self):
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text,
            to=[self.to],
            headers=self.headers or None,
            connection=get_connection(settings.APPRODO_EMAIL_TRANSPORT),
        )
        if self.html:
            message.attach_alternative(self.html, "text/html")
        if self.attachment_name:
            message.attach(self.attachment_name, bytes(self.attachment), self.attachment_type)
        return message


def queue_email(
    kind,
    to,
    language,
    subject,
    text,
    html="",
    erase_after_send=False,
    headers=None,
    attachment=None,
):
    """Stores the e-mail and asks a worker to deliver it once the transaction commits.

    ``headers`` are extra message headers (a digest's List-Unsubscribe); ``attachment`` is
    a (file name, bytes, MIME type) triple.
    """
    name, content, mimetype = attachment or ("", b"", "")
    email = OutgoingEmail.objects.create(
        kind=kind,
        to=to,
        language=language,
        subject=subject,
        text=text,
        html=html,
        headers=headers or {},
        erase_after_send=erase_after_send,
        attachment_name=name,
        attachment=content,
        attachment_type=mimetype,
    )
    transaction.on_commit(lambda: deliver_email.enqueue(email.pk))
    return email


def queue_message(message, kind, erase_after_send=False):
    """Queues a rendered Django e-mail message: one row per recipient (to, cc and bcc alike,
    so nobody learns the others' addresses). Returns the rows."""
    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    text = message.body
    if getattr(message, "content_subtype", "plain") == "html":
        text, html = "", message.body
    language = translation.get_language() or settings.LANGUAGE_CODE
    return [
        queue_email(kind, to, language, str(message.subject)[:255], text, html, erase_after_send)
        for to in message.recipients()
    ]


class OutboxBackend(BaseEmailBackend):
    """The EMAIL_BACKEND: whatever is sent with Django's mail functions waits in the outbox.

    Also a connection for one kind of e-mail: ``OutboxBackend(kind=…, erase_after_send=True)``.
    """

    def __init__(self, kind="django", erase_after_send=False, **kwargs):
        super().__init__(**kwargs)
        self.kind = kind
        self.erase_after_send = erase_after_send

    def send_messages(self, email_messages):
        for message in email_messages:
            queue_message(message, self.kind, self.erase_after_send)
        return len(email_messages)


@task()
def deliver_email(email_id):
    """Sends one stored e-mail; on failure records why and when to try again."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, sent_at__isnull=True)
            .first()
        )
        if email is None:
            return "skipped"  # already sent, or another worker holds it
        now = timezone.now()
        try:
            email.as_message().send()
        except (smtplib.SMTPException, OSError) as error:
            email.attempts += 1
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            email.next_attempt_at = next_attempt(email.attempts, now)
            email.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            if default_task_backend.supports_defer:
                retry_at = email.next_attempt_at
                transaction.on_commit(
                    lambda: deliver_email.using(run_after=retry_at).enqueue(email_id)
                )
            return "failed"
        email.sent_at = now
        fields = ["sent_at"]
        if email.erase_after_send:
            email.text = email.html = ""
            email.headers = {}
            email.attachment = b""
            fields += ["text", "html", "headers", "attachment"]
        email.save(update_fields=fields)
    return "sent"


def deliver_due(now=None):
    """Tries every unsent e-mail whose next attempt is due; returns the outcomes."""
    now = now or timezone.now()
    due = OutgoingEmail.objects.filter(sent_at__isnull=True, next_attempt_at__lte=now)
    return [deliver_email.call(pk) for pk in due.values_list("pk", flat=True)]
