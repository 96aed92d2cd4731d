"""Forms of the company team: invitations, join requests and roles."""

from django import forms
from django.utils.translation import gettext_lazy as _

from companies.models import Company, MembershipRole
from companies.validators import normalize_partita_iva, validate_partita_iva


class InviteForm(forms.Form):
    """An admin invites a colleague by e-mail, choosing their role."""

    email = forms.EmailField(label=_("Colleague's e-mail"), max_length=254)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MembershipRole.choices,
        initial=MembershipRole.MEMBER,
        help_text=_(
            "Administrators also manage the team; members work on the dossier and positions."
        ),
    )


class RoleForm(forms.Form):
    """The role given when approving a request or changing a member's role."""

    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)


class JoinForm(forms.Form):
    """A user asks to join a company already registered under a partita IVA."""

    partita_iva = forms.CharField(label=_("partita IVA"), max_length=20)
    message = forms.CharField(
        label=_("Message to the company's administrators"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: who you are in the company, so they recognise you."),
    )

    def clean_partita_iva(self):
        value = normalize_partita_iva(self.cleaned_data["partita_iva"])
        validate_partita_iva(value)
        self.company = Company.objects.filter(partita_iva=value).first()
        if self.company is None:
            raise forms.ValidationError(
                _("No company with this partita IVA is registered yet: you can register it."),
                code="unknown",
            )
        return value
