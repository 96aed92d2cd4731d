"""The monitoring record's forms: find a person by code; consent and the six answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from monitoring.models import QUESTIONS, Answer


class FindForm(forms.Form):
    """A person is opened by their pseudonymous code: there is no list of records."""

    code = forms.CharField(label=_("Participant's code"), max_length=12)

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class RecordForm(forms.Form):
    """Consent first; each answer may be "prefers not to say" or left unasked."""

    consent = forms.BooleanField(
        label=_("The person has given consent to these questions, informed of their purpose"),
        required=True,
    )
    consent_given_on = forms.DateField(
        label=_("Consent given on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Not asked")), *Answer.choices]
        for code, question in QUESTIONS:
            self.fields[code] = forms.ChoiceField(
                label=question, choices=choices, required=False, widget=forms.RadioSelect
            )

    def answers(self):
        return {code: self.cleaned_data[code] for code, _question in QUESTIONS}
