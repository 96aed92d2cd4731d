"""The reminders a company gets when a step of its own waits.

Each function finds the facts still pending at ``now`` (a step done is no longer found, so
it is never reminded) and sends one reminder per fact, period and member. Each returns how
many e-mails it queued.
"""

import datetime

from django.db.models import Max, Q
from django.utils import formats, timezone

from agreements.models import DocumentType, SignedDocument, SignedStatus
from companies.checklist import checklist
from companies.models import Company, CompanyStatus, Placement
from participants.models import InternshipMonth
from participants.services.internship import STARTED, month_of
from reminders.conf import delay
from reminders.models import Kind
from reminders.sending import remind_members

# National holidays on fixed dates: not working days for the month's attendance reminder.
FIXED_HOLIDAYS = {(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25)}


def _days(name):
    return datetime.timedelta(days=delay(name))


def dossier_idle(now):
    """Drafts nobody changed for ``dossier_idle_days``: once per stretch of idleness."""
    limit = now - _days("dossier_idle_days")
    sent = 0
    for company in Company.objects.filter(status=CompanyStatus.DRAFT, updated_at__lte=limit):
        sent += remind_members(
            Kind.DOSSIER_IDLE,
            company,
            company.updated_at.isoformat()[:19],
            values={"company": company.legal_name, "since": company.updated_at},
            link=("companies:dashboard", [company.pk]),
            now=now,
        )
    return sent


def changes_unanswered(now):
    """Changes requested and the dossier not sent again for ``changes_unanswered_days``."""
    limit = now - _days("changes_unanswered_days")
    companies = Company.objects.filter(status=CompanyStatus.CHANGES_REQUESTED).annotate(
        requested_at=Max(
            "events__created_at", filter=Q(events__to_status=CompanyStatus.CHANGES_REQUESTED)
        )
    )
    sent = 0
    for company in companies.filter(requested_at__lte=limit):
        event = company.events.filter(to_status=CompanyStatus.CHANGES_REQUESTED).last()
        sent += remind_members(
            Kind.CHANGES_UNANSWERED,
            company,
            company.requested_at.isoformat()[:19],
            values={
                "company": company.legal_name,
                "since": company.requested_at,
                "message": event.message if event else "",
            },
            link=("companies:dashboard", [company.pk]),
            now=now,
        )
    return sent


def documents_missing(now):
    """Approved ``documents_missing_days`` ago and a required document still missing or
    rejected: once per approval."""
    limit = now - _days("documents_missing_days")
    sent = 0
    approved = Company.objects.filter(status=CompanyStatus.APPROVED, decided_at__lte=limit)
    for company in approved:
        if not any(row.needs_action for row in checklist(company)):
            continue

        def values(language, company=company):
            missing = [str(row.kind) for row in checklist(company, language) if row.needs_action]
            return {"company": company.legal_name, "documents": missing}

        sent += remind_members(
            Kind.DOCUMENTS_MISSING,
            company,
            company.decided_at.isoformat()[:19],
            values=values,
            link=("companies:documents", [company.pk]),
            now=now,
        )
    return sent


def agreement_expiring(now):
    """An accepted agreement ends within ``agreement_notice_days``, and no newer one waits
    for review: once per expiry date."""
    valid, notice = _days("agreement_valid_days"), _days("agreement_notice_days")
    agreements = SignedDocument.objects.filter(
        status=SignedStatus.ACCEPTED,
        generated__document_type=DocumentType.AGREEMENT,
        generated__placement__isnull=True,
        generated__company__status=CompanyStatus.APPROVED,
        reviewed_at__lte=now - valid + notice,
        reviewed_at__gt=now - valid,
    ).select_related("generated__company")
    pending = SignedDocument.objects.filter(
        status=SignedStatus.UPLOADED,
        generated__document_type=DocumentType.AGREEMENT,
        generated__placement__isnull=True,
    ).values("generated__company")
    sent = 0
    for agreement in agreements.exclude(generated__company__in=pending):
        company = agreement.generated.company
        expires = timezone.localdate(agreement.reviewed_at + valid)
        sent += remind_members(
            Kind.AGREEMENT_EXPIRING,
            company,
            expires.isoformat(),
            subject=agreement,
            values={"company": company.legal_name, "expires": expires},
            link=("agreements:overview", [company.pk]),
            now=now,
        )
    return sent


def working_day(day):
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def nth_working_day(month, n):
    """The ``n``-th working day of the month starting on ``month``."""
    day, count = month, 0
    while True:
        if working_day(day):
            count += 1
            if count == n:
                return day
        day += datetime.timedelta(days=1)


def attendance_month(now):
    """From the ``attendance_working_day``-th working day of a month, the placements whose
    last month's attendance is not confirmed yet: once per placement and month."""
    today = timezone.localdate(now)
    this_month = month_of(today)
    if today < nth_working_day(this_month, delay("attendance_working_day")):
        return 0
    last_month = month_of(this_month - datetime.timedelta(days=1))
    confirmed = InternshipMonth.objects.filter(month=last_month).values("placement")
    placements = list(
        Placement.objects.filter(
            status__in=STARTED, starts_on__lt=this_month, ends_on__gte=last_month
        )
        .exclude(pk__in=confirmed)
        .select_related("company", "site", "participant")
    )
    sent = 0
    for placement in placements:
        company = placement.company
        sent += remind_members(
            Kind.ATTENDANCE_MONTH,
            company,
            f"{last_month:%Y-%m}",
            subject=placement,
            values=lambda language, placement=placement, company=company: {
                "company": company.legal_name,
                "month": formats.date_format(last_month, "YEAR_MONTH_FORMAT"),
                "workplace": placement.site.name,
            },
            link=("companies:internship_attendance", [company.pk, placement.pk]),
            now=now,
            # The person's history shows the reminder, unless they have been anonymised.
            participant_id=(
                None if placement.participant.anonymised_at else placement.participant_id
            ),
        )
    return sent


JOBS = [dossier_idle, changes_unanswered, documents_missing, agreement_expiring, attendance_month]


def run(now=None):
    """Every company reminder due at ``now``: {name: e-mails queued}."""
    now = now or timezone.now()
    return {job.__name__: job(now) for job in JOBS}
