"""Staff decisions on a company dossier: approve, request changes, reject.

Each decision checks the permission and the territory, locks the row, checks the status,
moves it, writes the audit-log entry and queues the e-mail, in one transaction. Two staff
deciding at the same moment: the second waits for the lock, finds the status changed and
gets AlreadyDecided (who decided, and when), so one decision, one log entry, one e-mail.
"""

from django.db import transaction
from wagtail.log_actions import log

from companies import notifications
from companies.models import DOSSIER, Company
from companies.services.errors import AlreadyDecided, NotPermitted, ReasonRequired
from companies.services.status import move_company


def can_review(user, company):
    return (
        user.has_perm("companies.review_company")
        and Company.objects.reviewable_by(user).filter(pk=company.pk).exists()
    )


@transaction.atomic
def _decide(user, company, action, message):
    if not can_review(user, company):
        raise NotPermitted
    locked = Company.objects.select_for_update().get(pk=company.pk)
    if not DOSSIER.can(locked, action):
        raise AlreadyDecided(locked, locked.events.select_related("actor").last())
    event = move_company(locked, action, actor=user, message=message)
    log(locked, f"approdo.company.{action}", user=user, data={"message": message})
    transaction.on_commit(lambda: notifications.send_decision.enqueue(event.pk))
    return event


def approve(user, company, message=""):
    """The dossier is complete and the company may host interns."""
    return _decide(user, company, "approve", message.strip())


def request_changes(user, company, message):
    """Sends the dossier back to the company, saying what to change."""
    if not message.strip():
        raise ReasonRequired
    return _decide(user, company, "request_changes", message.strip())


def reject(user, company, message):
    """Refuses the company as a host, with the reason it reads on its dashboard."""
    if not message.strip():
        raise ReasonRequired
    return _decide(user, company, "reject", message.strip())
