"""Queued work of the allowance."""

from django_tasks import task


@task()
def compute_statements(lock_id):
    """Computes the statements of a month just locked (see services.statements) and tells
    the coordinators when there are new ones to approve."""
    from allowance.services.statements import compute_month
    from participants.models import MonthLock

    lock = MonthLock.objects.select_related("project", "locked_by").filter(pk=lock_id).first()
    if lock is None:
        return
    created, _updated, _corrections = compute_month(lock.project, lock.month, user=lock.locked_by)
    if created:
        from allowance.notifications import tell_month_ready

        tell_month_ready(lock.project, lock.month, created)
