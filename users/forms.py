"""Forms of the account pages."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(forms.Form):
    """The explicit consent that deleting the account cannot be undone."""

    confirm = forms.BooleanField(
        label=_("I understand that my account is deleted for good and cannot be restored."),
        error_messages={"required": _("Tick the box to confirm that you want to delete it.")},
    )
