"""Account actions a company user takes on their own account: download its data, delete it.

Deleting removes the person and what is only theirs: the account, its e-mail addresses and
authenticators, memberships, requests to join, the e-mails queued or sent to them. What
other apps keep about the person (companies: the dossier work, invitations, their audit
entries) is handled by the parts those apps register (users.contributions): they may
refuse the deletion, and they decide what stays, without the person's address.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from mail.outbox import OutgoingEmail
from users.account_data import export_account_data
from users.contributions import deletion_checks, erasers

__all__ = [
    "DeletionRefused",
    "StaffAccount",
    "check_deletable",
    "delete_account",
    "export_account_data",
]

# Logged on each company (or other record) a deleted account belonged to.
DELETE_ACTION = "approdo.user.delete_account"


class DeletionRefused(Exception):
    """The account cannot be deleted by its owner now."""


class StaffAccount(DeletionRefused):
    """Staff and administrator accounts are closed by an administrator, not by their owner."""


def _refuse_staff(user):
    # Wagtail's user editor does not set is_staff: admin access is what makes project staff.
    if user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        raise StaffAccount


def check_deletable(user):
    """Raises DeletionRefused if the user may not delete their account; nothing is locked.

    It lets the confirmation page explain a refusal before asking for the password again;
    delete_account checks again under lock.
    """
    _refuse_staff(user)
    for check in deletion_checks():
        check(user)


@transaction.atomic
def delete_account(user):
    """Deletes the user's account, or raises DeletionRefused and changes nothing.

    Refused for staff, and whenever a registered part refuses (companies: the last
    administrator of a company that still needs one). The user row is locked first, then
    each part does its work under its own locks.
    """
    _refuse_staff(user)
    get_user_model().objects.select_for_update().filter(pk=user.pk).get()
    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    for erase in erasers():
        erase(user, addresses)
    to_user = Q()
    for address in addresses:
        to_user |= Q(to__iexact=address)
    OutgoingEmail.objects.filter(to_user).delete()
    user.delete()
