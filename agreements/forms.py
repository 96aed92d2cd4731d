"""The form companies declare their signatories with."""

from django import forms

from agreements.models import Signatory
from companies.validators import validate_codice_fiscale


class SignatoryForm(forms.ModelForm):
    """A person entitled to sign, with the codice fiscale their certificate carries."""

    class Meta:
        model = Signatory
        fields = ["role", "full_name", "tax_code"]

    def clean_tax_code(self):
        value = self.cleaned_data["tax_code"].strip().upper()
        validate_codice_fiscale(value)
        return value
