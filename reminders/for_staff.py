"""The reminders staff get when work waits for them, scoped by the same querysets as the
back office (a moderator hears only of their territories, an operator of their people)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.log_actions import log

from agreements.models import SignedStatus
from agreements.services import reviewable_signed
from allowance.models import Statement
from allowance.models.statements import State
from allowance.services.statements import visible_statements
from companies.models import Company, CompanyDocument, DocumentKind, DocumentStatus
from participants.models import Path, Stage
from reminders.conf import delay
from reminders.models import Kind
from reminders.sending import remind

# Paths whose six-month follow-up is still to be recorded.
AWAITING_FOLLOW_UP = [Stage.COMPLETED, Stage.WITHDRAWN]


def week_of(now):
    """The ISO week of ``now`` (local time), e.g. "2026-W49": the period of weekly mail."""
    year, week, _day = timezone.localdate(now).isocalendar()
    return f"{year}-W{week:02d}"


def moderators():
    """Active staff who moderate at least one territory."""
    return (
        get_user_model()
        .objects.filter(is_active=True, moderated_territories__isnull=False)
        .distinct()
        .order_by("pk")
    )


def overdue_reviews(user, now):
    """The dossiers, documents and signed agreements in ``user``'s queues waiting past
    ``queue_waiting_days``: three lists, oldest first."""
    limit = now - datetime.timedelta(days=delay("queue_waiting_days"))
    companies = (
        Company.objects.reviewable_by(user).awaiting_review().filter(submitted_at__lte=limit)
    )
    documents = (
        CompanyDocument.objects.reviewable_by(user)
        .filter(status=DocumentStatus.UPLOADED, uploaded_at__lte=limit)
        .select_related("company")
        .order_by("uploaded_at", "pk")
    )
    signed = (
        reviewable_signed(user)
        .filter(status=SignedStatus.UPLOADED, uploaded_at__lte=limit)
        .select_related("generated__company")
        .order_by("uploaded_at", "pk")
    )
    return list(companies), list(documents), list(signed)


def waiting_items(found, language):
    """One line per overdue item, worded in ``language``; never a file's own name, which
    may say anything."""
    companies, documents, signed = found
    kinds = {
        kind.translation_key: kind.name for kind in DocumentKind.objects.for_language(language)
    }
    items = [company.legal_name for company in companies]
    items += [
        f"{document.company.legal_name}: {kinds.get(document.kind_key, '')}"
        for document in documents
    ]
    items += [
        f"{item.generated.company.legal_name}: {item.generated.get_document_type_display()}"
        for item in signed
    ]
    return items


def queue_waiting(now):
    """Each moderator with overdue items in their territories: once a week."""
    sent = 0
    for user in moderators():
        found = overdue_reviews(user, now)
        count = sum(len(items) for items in found)
        if not count:
            continue
        sent += remind(
            Kind.QUEUE_WAITING,
            user,
            user,
            week_of(now),
            values=lambda language, found=found, count=count: {
                "count": count,
                "days": delay("queue_waiting_days"),
                "items": waiting_items(found, language),
            },
            link=("companies_admin:index", []),
            staff=True,
            now=now,
        )
    return sent


def statements_to_approve(user, now):
    """Checked statements ``user`` may approve (not their own check), waiting long enough."""
    if not user.has_perm("allowance.approve_statement"):
        return Statement.objects.none()
    limit = now - datetime.timedelta(days=delay("statements_waiting_days"))
    return (
        visible_statements(user)
        .filter(state=State.CHECKED, checked_at__lte=limit)
        .exclude(checked_by=user)
    )


def statements_waiting(now):
    """Each approver with checked statements waiting: once a week."""
    approvers = (
        get_user_model()
        .objects.with_perm(
            "allowance.approve_statement", backend="django.contrib.auth.backends.ModelBackend"
        )
        .filter(is_active=True)
        .order_by("pk")
    )
    sent = 0
    for user in approvers:
        count = statements_to_approve(user, now).count()
        if count:
            sent += remind(
                Kind.STATEMENTS_WAITING,
                user,
                user,
                week_of(now),
                values={"count": count, "days": delay("statements_waiting_days")},
                link=("allowance_statements:index", []),
                staff=True,
                now=now,
            )
    return sent


def follow_up_overdue(now):
    """Each path whose follow-up is ``follow_up_overdue_days`` late: its operator, once."""
    limit = timezone.localdate(now) - datetime.timedelta(days=delay("follow_up_overdue_days"))
    paths = Path.objects.filter(
        follow_up_due__lte=limit,
        stage__in=AWAITING_FOLLOW_UP,
        participant__operator__is_active=True,
        participant__anonymised_at__isnull=True,
    ).select_related("participant__operator")
    sent = 0
    for path in paths:
        person = path.participant
        if remind(
            Kind.FOLLOW_UP_OVERDUE,
            path,
            person.operator,
            path.follow_up_due.isoformat(),
            values={"code": person.code, "due": path.follow_up_due},
            link=("participants_admin:inspect", [person.pk]),
            staff=True,
            now=now,
            participant=person,
        ):
            sent += 1
            log(person, "approdo.reminder.sent", data={"kind": str(Kind.FOLLOW_UP_OVERDUE)})
    return sent


JOBS = [queue_waiting, statements_waiting, follow_up_overdue]


def run(now=None):
    """Every staff reminder due at ``now``: {name: e-mails queued}."""
    now = now or timezone.now()
    return {job.__name__: job(now) for job in JOBS}
