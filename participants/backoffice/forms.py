"""Forms of the participants' back office; they validate input, the services act."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from companies.models import Territory
from participants.models import ContractType, ExitOutcome, WithdrawalReason


class ParticipantForm(WagtailAdminModelForm):
    """Only the user's own territories can be chosen."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not for_user.is_superuser and "territory" in self.fields:
            self.fields["territory"].queryset = Territory.objects.filter(moderators=for_user)


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
