"""Audit-log wording for what users do to their own accounts."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from users.services import DELETE_ACTION


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    """Shown in a company's history when one of its members deleted their account."""
    actions.register_action(
        DELETE_ACTION, _("Delete own account"), _("A member deleted their account")
    )
