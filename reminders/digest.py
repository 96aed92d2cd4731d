"""The moderators' weekly digest: what arrived, what waits, what is overdue, in one e-mail.

It goes out from ``digest_weekday`` (a run later in the week catches up), once per ISO
week, to each moderator who has not turned it off. It carries an unsubscribe link and the
RFC 8058 one-click headers (reminders.preferences).
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import SignedStatus
from agreements.services import reviewable_signed
from companies.models import Company, CompanyDocument, DocumentStatus
from participants.models import Participant, Path
from reminders.conf import delay
from reminders.for_staff import (
    AWAITING_FOLLOW_UP,
    moderators,
    overdue_reviews,
    statements_to_approve,
    week_of,
)
from reminders.models import Kind, wants_digest
from reminders.preferences import unsubscribe_headers, unsubscribe_url
from reminders.sending import remind


def contents(user, now):
    """The digest's figures for ``user``, every list scoped like their back office."""
    since = now - datetime.timedelta(days=7)
    companies = Company.objects.reviewable_by(user)
    documents = CompanyDocument.objects.reviewable_by(user)
    late_companies, late_documents, late_signed = overdue_reviews(user, now)
    signed = reviewable_signed(user).filter(status=SignedStatus.UPLOADED)
    people = Participant.objects.visible_to_staff(user)
    return {
        "arrived_companies": list(
            companies.filter(submitted_at__gt=since).order_by("submitted_at", "pk")
        ),
        "arrived_documents": documents.filter(uploaded_at__gt=since).count()
        + signed.filter(uploaded_at__gt=since).count(),
        "waiting_companies": companies.awaiting_review().count(),
        "waiting_documents": documents.filter(status=DocumentStatus.UPLOADED).count()
        + signed.count(),
        "late_companies": late_companies,
        "late_documents": late_documents + late_signed,
        "follow_ups_due": Path.objects.filter(
            participant__in=people,
            stage__in=AWAITING_FOLLOW_UP,
            follow_up_due__lte=timezone.localdate(now),
        ).count(),
        "statements": statements_to_approve(user, now).count(),
    }


def summary(found):
    """The digest's body as plain lines, in the active language."""
    lines = [_("Arrived this week"), ""]
    lines.append(_("Dossiers sent: %(count)d") % {"count": len(found["arrived_companies"])})
    lines += [f"  - {company.legal_name}" for company in found["arrived_companies"]]
    lines.append(_("Documents uploaded: %(count)d") % {"count": found["arrived_documents"]})
    lines += ["", _("Waiting for review"), ""]
    lines.append(_("Dossiers: %(count)d") % {"count": found["waiting_companies"]})
    lines.append(_("Documents: %(count)d") % {"count": found["waiting_documents"]})
    lines += ["", _("Overdue"), ""]
    days = delay("queue_waiting_days")
    lines.append(
        _("Dossiers waiting more than %(days)d days: %(count)d")
        % {"days": days, "count": len(found["late_companies"])}
    )
    lines += [f"  - {company.legal_name}" for company in found["late_companies"]]
    lines.append(
        _("Documents waiting more than %(days)d days: %(count)d")
        % {"days": days, "count": len(found["late_documents"])}
    )
    lines.append(_("Follow-ups due: %(count)d") % {"count": found["follow_ups_due"]})
    if found["statements"]:
        lines.append(
            _("Allowance statements to approve: %(count)d") % {"count": found["statements"]}
        )
    return "\n".join(lines)


def weekly(now=None):
    """Sends this week's digest to every moderator still due one; returns how many."""
    now = now or timezone.now()
    if timezone.localdate(now).weekday() < delay("digest_weekday"):
        return 0
    sent = 0
    for user in moderators():
        if not wants_digest(user):
            continue
        found = contents(user, now)
        sent += remind(
            Kind.DIGEST,
            user,
            user,
            week_of(now),
            values=lambda language, found=found, user=user: {
                "summary": summary(found),
                "unsubscribe": unsubscribe_url(user),
            },
            link=("wagtailadmin_home", []),
            staff=True,
            now=now,
            headers=unsubscribe_headers(user),
        )
    return sent
