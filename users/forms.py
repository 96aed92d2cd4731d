"""Forms of the account pages."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from users import enrolment


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


class ActivateTOTPForm(AllauthActivateTOTPForm):
    """allauth's authenticator enrolment, asking for the e-mailed code before the first one.

    The code is spent only once the authenticator's own code is right (users.enrolment).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if enrolment.code_required(self.user):
            self.fields["email_code"] = forms.CharField(
                label=_("Code from the e-mail"),
                help_text=_(
                    "The code we sent to your e-mail address (valid for %(minutes)s minutes)."
                )
                % {"minutes": enrolment.CODE_MINUTES},
                max_length=20,
                widget=forms.TextInput(
                    attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
                ),
                error_messages={"required": _("Type the code we sent to your e-mail address.")},
            )

    def clean(self):
        cleaned_data = super().clean()
        if "email_code" in self.fields and not self.errors:
            try:
                enrolment.use_code(self.user, cleaned_data.get("email_code"))
            except forms.ValidationError as error:
                self.add_error("email_code", error)
        return cleaned_data
