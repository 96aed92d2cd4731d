"""Queued work of the allowance."""

from django_tasks import task


@task()
def compute_statements(lock_id):
    """Computes the statements of a month just locked (see services.statements)."""
    from allowance.services.statements import compute_month
    from participants.models import MonthLock

    lock = MonthLock.objects.select_related("project", "locked_by").filter(pk=lock_id).first()
    if lock is not None:
        compute_month(lock.project, lock.month, user=lock.locked_by)
