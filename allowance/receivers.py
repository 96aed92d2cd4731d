"""Signal receivers of the allowance (connected in AllowanceConfig.ready).

Locking a month's attendance queues the computation of its statements, after the lock is
committed so the task sees it.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from participants.models import MonthLock
from participants.privacy import anonymised


@receiver(post_save, sender=MonthLock, dispatch_uid="allowance_compute_on_lock")
def compute_when_locked(sender, instance, created, **kwargs):
    if created:
        from allowance.tasks import compute_statements

        transaction.on_commit(lambda: compute_statements.enqueue(instance.pk))


@receiver(anonymised, dispatch_uid="allowance_erase_bank_account")
def erase_bank_account(sender, participant, **kwargs):
    """The bank account and the log of who saw it go with the person."""
    from allowance.models import BankAccount, BankAccountView

    BankAccount.objects.filter(participant=participant).delete()
    BankAccountView.objects.filter(participant=participant).delete()


@receiver(anonymised, dispatch_uid="allowance_blank_correction_notes")
def blank_correction_notes(sender, participant, **kwargs):
    """The office's notes on the person's corrections go with the person; amounts stay."""
    from allowance.models import Correction

    Correction.objects.filter(path__participant=participant).exclude(note="").update(note="")
