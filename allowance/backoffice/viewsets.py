"""The "Allowances" admin menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSetGroup

from allowance.backoffice.payments import BankAccountViewSet, BatchViewSet, BudgetViewSet
from allowance.backoffice.rules import RuleViewSet
from allowance.backoffice.statements import StatementViewSet


class AllowanceGroup(ModelViewSetGroup):
    menu_label = _("Allowances")
    menu_icon = "decimal"
    menu_order = 250
    items = [StatementViewSet, BatchViewSet, BankAccountViewSet, BudgetViewSet, RuleViewSet]
