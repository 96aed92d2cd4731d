"""The allowance's back office: admin menu and log actions."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from allowance.backoffice.statements import ReadOnlyPolicy
from allowance.models import PaymentBatch, Statement

# Statements come from the computation and batches from their service: never typed in.
register_permission_policy(Statement, ReadOnlyPolicy(Statement))
register_permission_policy(PaymentBatch, ReadOnlyPolicy(PaymentBatch))


@hooks.register("register_admin_viewset")
def register_allowance():
    from allowance.backoffice.viewsets import AllowanceGroup

    return AllowanceGroup()


@hooks.register("register_log_actions")
def register_allowance_log_actions(actions):
    from django.utils.translation import gettext_lazy as _

    for action, label, message in [
        ("compute", _("Compute allowance statements"), _("Allowance statements computed")),
        ("check", _("Check an allowance statement"), _("Allowance statement checked")),
        ("approve", _("Approve an allowance statement"), _("Allowance statement approved")),
        ("reopen", _("Send an allowance statement back"), _("Allowance statement sent back")),
        ("pdf", _("Download an allowance statement"), _("Allowance statement downloaded")),
        ("sent", _("Send an allowance statement"), _("Allowance statement sent to the person")),
        ("correction", _("Correct an approved month"), _("Allowance correction recorded")),
        ("bank_account", _("Record a bank account"), _("Bank account recorded")),
        ("batch", _("Make a payment batch"), _("Payment batch made")),
        ("batch_paid", _("Mark a payment batch paid"), _("Payment batch paid")),
        ("batch_failed", _("Mark a payment batch failed"), _("Payment batch failed")),
        ("payment_failed", _("Mark a payment failed"), _("Payment failed")),
    ]:
        actions.register_action(f"approdo.allowance.{action}", label, message)
