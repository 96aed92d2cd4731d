"""Sends one reminder once: the claim row and the queued e-mail in one transaction.

Every reminder and digest goes through ``remind``. It inserts the SentReminder row first; if
another run inserted the same (kind, subject, recipient, period) the unique constraint
refuses it (a concurrent run's insert waits for the first to commit, then fails) and nothing
is sent. Otherwise the e-mail is rendered once, in the recipient's language, and queued in
the outbox (mail.outbox), which delivers it after the commit.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.log_actions import log

from mail.outbox import queue_email
from mail.wording import EmailWording
from reminders.models import SentReminder
from reminders.wording import DEFAULTS


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def site_name():
    from wagtail.models import Site

    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).project_name if site else "Approdo"


def language_of(user, staff=False):
    """The language the user reads e-mails in: staff their admin language first."""
    language = ""
    if staff:
        from wagtail.users.models import UserProfile

        profile = UserProfile.objects.filter(user=user).first()
        language = profile.preferred_language if profile else ""
    language = language or user.preferred_language or settings.LANGUAGE_CODE
    available = {code for code, _name in settings.LANGUAGES}
    return language if language in available else settings.LANGUAGE_CODE


def _plain(value):
    """A value as text in the active language: dates formatted, lists one per line."""
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATE_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, list | tuple):
        return "\n".join(f"- {item}" for item in value)
    return str(value)


def render(kind, language, values):
    """Subject, text and HTML of ``kind`` in ``language``: staff wording, else the shipped."""
    wording = (
        EmailWording.objects.filter(kind=kind, locale__language_code=language)
        .select_related("locale")
        .first()
    )
    if wording is None:
        subject, body = DEFAULTS[kind]
        wording = EmailWording(kind=kind, subject=str(subject), body=str(body))
    return wording.render(values)


def remind(kind, subject, recipient, period, *, values, link, staff=False, **refs):
    """Sends reminder ``kind`` about ``subject`` to ``recipient`` once for ``period``.

    ``values`` is a dict, or a callable taking the language and returning one (for values
    worded in that language); ``link`` is a URL name and its arguments, reversed in the
    recipient's language (company pages carry its prefix). ``refs`` may name the
    ``company`` and the ``participant`` the reminder is about, the e-mail's ``headers`` and
    ``now`` (the moment recorded as sent). Returns
    True when the e-mail was queued, False when this reminder had already been sent.
    """
    headers = refs.pop("headers", None)
    now = refs.pop("now", None) or timezone.now()
    language = language_of(recipient, staff)
    with transaction.atomic():
        try:
            with transaction.atomic():
                SentReminder.objects.create(
                    kind=kind,
                    content_type=ContentType.objects.get_for_model(subject),
                    object_id=subject.pk,
                    recipient=recipient,
                    period=period,
                    sent_at=now,
                    **refs,
                )
        except IntegrityError:
            return False
        with translation.override(language):
            url_name, args = link
            filled = values(language) if callable(values) else values
            filled = {
                "site": site_name(),
                "url": absolute(reverse(url_name, args=args)),
                **filled,
            }
            filled = {key: _plain(value) for key, value in filled.items()}
            subject_line, text, html = render(kind, language, filled)
        queue_email(kind, recipient.email, language, subject_line, text, html, headers=headers)
    return True


def remind_members(kind, company, period, *, values, link, now=None, subject=None, **refs):
    """Sends ``kind`` to every member of the company, each in their own language, and
    writes one line in the company's history when anybody was reminded. Returns how many."""
    sent = 0
    members = company.memberships.select_related("user").filter(user__is_active=True)
    for membership in members.order_by("pk"):
        sent += remind(
            kind,
            subject or company,
            membership.user,
            period,
            values=values,
            link=link,
            now=now,
            company=company,
            **refs,
        )
    if sent:
        log(company, "approdo.reminder.sent", data={"kind": str(kind), "recipients": sent})
    return sent
