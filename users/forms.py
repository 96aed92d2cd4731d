"""Forms of the account pages."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _


class SignupForm(AllauthSignupForm):
    """allauth's signup, taking as long for a registered address as for a new one.

    With ACCOUNT_PREVENT_ENUMERATION allauth answers both alike and e-mails the owner of a
    registered address instead of creating an account; but only a new account hashed the
    password, the slow part of a signup, so the response time told who is registered. The
    password is hashed, and thrown away, on that path too; both paths queue one e-mail.
    """

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class DeleteAccountForm(forms.Form):
    """The explicit consent that deleting the account cannot be undone."""

    confirm = forms.BooleanField(
        label=_("I understand that my account is deleted for good and cannot be restored."),
        error_messages={"required": _("Tick the box to confirm that you want to delete it.")},
    )
