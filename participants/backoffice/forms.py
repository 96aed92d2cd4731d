"""Forms of the participants' back office; they validate input, the services act."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from companies.models import Territory
from participants.models import ContractType, ExitOutcome, WithdrawalReason
from projects.models import Project, ReferringOrganisation


class ParticipantForm(WagtailAdminModelForm):
    """Only the user's own territories can be chosen."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "territory" in self.fields:
            # A plain select of the user's own territories, not the snippet chooser (which
            # would offer every territory).
            field = self.fields["territory"]
            if for_user is not None and not for_user.is_superuser:
                field.queryset = Territory.objects.filter(moderators=for_user)
            field.widget = forms.Select(choices=field.choices)
        # The browser's own date field, as on the path's other forms.
        for name in ("date_of_birth", "guardian_consent_on"):
            if name in self.fields:
                self.fields[name].widget = forms.DateInput(
                    attrs={"type": "date"}, format="%Y-%m-%d"
                )


class ExitForm(forms.Form):
    """Completing or withdrawing: the outcome at exit, and for a withdrawal the reason."""

    exited_on = forms.DateField(
        label=_("Exit date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    outcome = forms.ChoiceField(label=_("Outcome at exit"), choices=ExitOutcome.choices)
    contract_type = forms.ChoiceField(
        label=_("Contract type (if employed)"),
        choices=[("", "—"), *ContractType.choices],
        required=False,
    )
    reason = forms.ChoiceField(
        label=_("Why the person withdrew"),
        choices=[("", "—"), *WithdrawalReason.choices],
        required=False,
    )


class FollowUpForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome at follow-up"), choices=ExitOutcome.choices)
    contract_type = forms.ChoiceField(
        label=_("Contract type (if employed)"),
        choices=[("", "—"), *ContractType.choices],
        required=False,
    )


class ReferralForm(ParticipantForm):
    """A new person and their referral to a project, entered by staff in one form."""

    project = forms.ModelChoiceField(label=_("Project"), queryset=Project.objects.all())
    organisation = forms.ModelChoiceField(
        label=_("Referring organisation"),
        queryset=ReferringOrganisation.objects.filter(active=True),
    )
    referred_on = forms.DateField(
        label=_("Referred on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    contact_name = forms.CharField(label=_("Referring contact"), max_length=160, required=False)
    contact_email = forms.EmailField(label=_("Referring contact's e-mail"), required=False)

    def clean(self):
        cleaned = super().clean()
        born = cleaned.get("date_of_birth")
        if born and not cleaned.get("guardian_consent_on"):
            from projects.eligibility import age_on

            if age_on(born, timezone.localdate()) < 18:
                self.add_error(
                    "guardian_consent_on",
                    _("People under 18 need their guardian's consent (date and name)."),
                )
        return cleaned
