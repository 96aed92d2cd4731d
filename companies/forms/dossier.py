"""Forms of the company dossier; each step validates on its own."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from companies.geography import canonical_comune, location_errors
from companies.models import Company, DeclarationItem, OperatingSite, Position, Territory
from companies.validators import (
    ateco_title,
    normalize_ateco,
    normalize_codice_fiscale,
    normalize_partita_iva,
)
from news.models import CallAudience, CallPage, CallStatus

IDENTITY_FIELDS = [
    "legal_name",
    "legal_form",
    "codice_fiscale",
    "partita_iva",
    "ateco_code",
    "headcount",
    "legal_representative",
    "address",
    "cap",
    "comune",
    "provincia",
    "pec",
    "phone",
    "territory",
]


class LocationMixin:
    """Checks that CAP, comune and province belong together and fixes the comune's spelling."""

    def clean_provincia(self):
        return self.cleaned_data["provincia"].strip().upper()

    def check_location(self, cleaned):
        cap, comune, provincia = (cleaned.get(name) for name in ("cap", "comune", "provincia"))
        if cap and comune and provincia:
            for field, message in location_errors(cap, comune, provincia).items():
                self.add_error(field, message)
            entry = canonical_comune(comune, provincia)
            if entry and "comune" not in self.errors:
                cleaned["comune"] = entry["nome"]
        return cleaned


class CompanyIdentityForm(LocationMixin, forms.ModelForm):
    """Step 1: who the company is and where its registered office is."""

    # Wider than the stored values: people type "IT 0636 339 1001" or "561111"; the
    # normalised value is then checked by the model's own length and checksum validators.
    partita_iva = forms.CharField(label=_("partita IVA"), max_length=20)
    codice_fiscale = forms.CharField(label=_("codice fiscale"), max_length=24)
    ateco_code = forms.CharField(label=_("ATECO 2025 code"), max_length=12)

    class Meta:
        model = Company
        fields = IDENTITY_FIELDS
        help_texts = {
            "headcount": _(
                "Employees on the payroll today; it decides how many interns you may host."
            ),
            "pec": _("Certified e-mail (PEC) registered with the Chamber of Commerce."),
            "territory": _("The area of the project where the company would host interns."),
        }
        widgets = {"headcount": forms.NumberInput(attrs={"min": 0, "max": 100000})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = Territory.objects.order_by("name")
        self.fields["headcount"].max_value = 100000
        self.fields["ateco_code"].help_text = _(
            "The ATECO 2025 code of the main activity, e.g. 56.11.11."
        )

    def clean_partita_iva(self):
        value = normalize_partita_iva(self.cleaned_data["partita_iva"])
        if Company.objects.filter(partita_iva=value).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _(
                    "A company with this partita IVA is already registered: ask to join its "
                    "team instead of creating it again."
                ),
                code="registered",
            )
        return value

    def clean_codice_fiscale(self):
        return normalize_codice_fiscale(self.cleaned_data["codice_fiscale"])

    def clean_ateco_code(self):
        return normalize_ateco(self.cleaned_data["ateco_code"])

    def clean(self):
        return self.check_location(super().clean())

    @property
    def ateco_title(self):
        """The description of the entered code, shown next to it once it is valid."""
        if self.is_bound and "ateco_code" not in self.errors:
            return ateco_title(self.cleaned_data.get("ateco_code", ""))
        return ateco_title(self.instance.ateco_code) if self.instance.pk else ""


class OperatingSiteForm(LocationMixin, forms.ModelForm):
    """Step 2: a site where interns would work, with its accessibility facts."""

    class Meta:
        model = OperatingSite
        fields = [
            "name",
            "address",
            "cap",
            "comune",
            "provincia",
            "step_free_access",
            "accessible_toilet",
            "public_transport_nearby",
            "accessibility_notes",
        ]
        widgets = {"accessibility_notes": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        return self.check_location(super().clean())


class CallChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.status_label})"


class PositionForm(forms.ModelForm):
    """Step 3: an internship offer at one of the company's own sites."""

    class Meta:
        model = Position
        fields = [
            "title",
            "site",
            "call",
            "tasks",
            "weekly_hours",
            "schedule",
            "places",
            "starts_on",
            "ends_on",
            "accommodations",
            "requirements",
        ]
        field_classes = {"call": CallChoiceField}
        # Django's generic "greater than or equal to 1" does not say what is wrong.
        error_messages = {
            "places": {
                "min_value": _("A position offers at least one place."),
                "max_value": _("A position offers at most %(limit_value)s places."),
            },
        }
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tasks": forms.Textarea(attrs={"rows": 4}),
            "accommodations": forms.Textarea(attrs={"rows": 3}),
            "requirements": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this company's sites: another company's site id is simply not a choice.
        self.fields["site"].queryset = company.sites.all()
        self.fields["call"].queryset = (
            CallPage.objects.live()
            .filter(audience=CallAudience.HOST_COMPANIES, locale=Locale.get_active())
            .order_by("-closes_at")
        )

    def clean_call(self):
        call = self.cleaned_data.get("call")
        if call is not None and call.status != CallStatus.OPEN:
            raise forms.ValidationError(
                _("The call “%(title)s” is not open: choose an open call or none.")
                % {"title": call.title},
                code="call_not_open",
            )
        return call


class DeclarationsForm(forms.Form):
    """Step 4: one required box per declaration item, and who is declaring.

    The items are read when the form is built, in the current language; ``items`` and
    ``language`` are what the service stores, so the record matches what was ticked.
    """

    declarant_name = forms.CharField(label=_("Name of the declaring person"), max_length=160)
    declarant_role = forms.CharField(
        label=_("In the capacity of"),
        max_length=120,
        help_text=_("E.g. legal representative, or delegate of the legal representative."),
    )

    def __init__(self, *args, company, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "declarant_name": company.legal_representative,
                "declarant_role": _("Legal representative"),
            },
        )
        super().__init__(*args, **kwargs)
        self.language = translation.get_language()
        self.items = DeclarationItem.objects.for_language(self.language)
        for item in self.items:
            self.fields[self.field_name(item)] = forms.BooleanField(
                label=item.text,
                required=True,
                error_messages={"required": _("Tick this box to make the declaration.")},
            )

    @staticmethod
    def field_name(item):
        return f"item_{item.translation_key.hex}"

    def item_fields(self):
        return [self[self.field_name(item)] for item in self.items]
