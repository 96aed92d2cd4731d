"""Staff decisions on company documents: accept, or reject with a reason the company reads."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from companies import notifications
from companies.models import VERSION, CompanyDocument
from companies.services.errors import AlreadyDecided, NotPermitted, ReasonRequired

__all__ = ["AlreadyDecided", "NotPermitted", "ReasonRequired", "accept", "reject"]


@transaction.atomic
def _decide(user, document, action, reason=""):
    if not CompanyDocument.objects.reviewable_by(user).filter(pk=document.pk).exists():
        raise NotPermitted
    locked = CompanyDocument.objects.select_for_update().filter(pk=document.pk).first()
    if locked is None or not VERSION.can(locked, action):
        # Withdrawn or decided by someone else while this request waited for the lock.
        raise AlreadyDecided(document.company, None)
    if action == "accept":
        # The new version takes over: the one in force until now joins the history.
        retire = VERSION["retire"]
        CompanyDocument.objects.filter(
            company_id=locked.company_id, kind_key=locked.kind_key, status__in=retire.sources
        ).update(status=retire.target, replaced_status="")
    _previous, status = VERSION.apply(locked, action)
    locked.rejection_reason = reason
    locked.reviewed_by = user
    locked.reviewed_at = timezone.now()
    locked.save(update_fields=["status", "rejection_reason", "reviewed_by", "reviewed_at"])
    log(
        locked.company,
        f"approdo.company.document_{status}",
        user=user,
        data={"document": locked.pk, "version": locked.version, "reason": reason},
    )
    transaction.on_commit(lambda: notifications.send_document_decision.enqueue(locked.pk, status))
    return locked


def accept(user, document):
    """The document is what the project needs."""
    return _decide(user, document, "accept")


def reject(user, document, reason):
    """The company must upload a new version; the reason says why."""
    if not reason.strip():
        raise ReasonRequired
    return _decide(user, document, "reject", reason.strip())
