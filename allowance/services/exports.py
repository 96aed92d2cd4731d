"""The files of a payment batch: XLSX for the accounting office, SEPA pain.001 for the bank.

The SEPA file is built by sepaxml and validated against the pain.001.001.03 schema it ships
before it leaves; the spreadsheet's text cells go through home.spreadsheets.spreadsheet_safe.
"""

import io

from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from sepaxml import SepaTransfer

from allowance.models import AllowanceBudget
from allowance.services.payments import batch_rows
from home.spreadsheets import spreadsheet_safe

SCHEMA = "pain.001.001.03"


def _description(statement):
    return f"{statement.project.code} {statement.month:%Y-%m} {statement.path.participant.code}"


def sepa_file(user, batch):
    """The batch as SEPA credit transfers (bytes), validated against the schema."""
    budget = AllowanceBudget.objects.get(project_id=batch.project_id)
    transfer = SepaTransfer(
        {
            "name": budget.payer_name,
            "IBAN": budget.payer_iban,
            **({"BIC": budget.payer_bic} if budget.payer_bic else {}),
            "batch": True,
            "currency": "EUR",
        },
        schema=SCHEMA,
    )
    for payment, statement, account in batch_rows(user, batch, "sepa"):
        transfer.add_payment(
            {
                "name": account.holder,
                "IBAN": account.iban,
                **({"BIC": account.bic} if account.bic else {}),
                "amount": int(payment.amount * 100),  # cents
                "execution_date": batch.execution_date,
                "description": _description(statement),
                "endtoend_id": f"{batch.pk}-{payment.pk}",
            }
        )
    return transfer.export(validate=True)


HEADINGS = (_("Code"), _("Account holder"), _("IBAN"), _("Month"), _("Amount"), _("Reference"))


def xlsx_file(user, batch):
    """The batch as a spreadsheet (bytes) for the accounting office."""
    book = Workbook()
    sheet = book.active
    sheet.title = batch.reference
    sheet.append([spreadsheet_safe(heading) for heading in HEADINGS])
    for payment, statement, account in batch_rows(user, batch, "xlsx"):
        sheet.append(
            [
                spreadsheet_safe(statement.path.participant.code),
                spreadsheet_safe(account.holder),
                spreadsheet_safe(account.iban),
                spreadsheet_safe(f"{statement.month:%Y-%m}"),
                payment.amount,
                spreadsheet_safe(_description(statement)),
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
