"""The AGID "Was this page useful?" widget: the anonymous answer and the form that collects it.

An answer records the page, its language, yes or no, an optional comment and when it was
given, rounded down to the hour. Nothing identifies the visitor: no IP address, account,
user agent or cookie is stored, and the comment is scrubbed of control characters and of
obvious personal data (e-mail addresses, phone numbers, tax codes, IBANs) before saving.
The views are in ``home.feedback_views``, the staff report in ``home.feedback_reports``.
"""

import re
import unicodedata

from django import forms
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500
HONEYPOT_FIELD = "website"
REDACTED = "[…]"

# Bidi embedding, override and isolate controls can make a comment display differently
# from what it says; the marks (LRM, RLM) are kept because Arabic text uses them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
PERSONAL_DATA_PATTERNS = (
    # E-mail addresses.
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    # IBANs (country, check digits, 11 to 30 letters or digits, spaces allowed).
    re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b", re.IGNORECASE),
    # Italian tax codes (codice fiscale).
    re.compile(r"\b[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]\b", re.IGNORECASE),
)
# Phone numbers: runs of digits and separators holding at least nine digits, so that dates
# (at most eight digits) and years survive.
DIGIT_RUN = re.compile(r"\+?\d[\d ./-]*\d")
PHONE_MIN_DIGITS = 9


def current_hour():
    """Now, rounded down to the hour: the time of an answer must not match server logs."""
    return timezone.now().replace(minute=0, second=0, microsecond=0)


class PageFeedback(models.Model):
    """One anonymous answer to "Was this page useful?" about one page."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="page_feedback",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("locale"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    useful = models.BooleanField(_("useful"), choices=[(True, _("Yes")), (False, _("No"))])
    comment = models.TextField(
        _("comment"), blank=True, validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)]
    )
    created_at = models.DateTimeField(
        _("given at"), default=current_hour, db_index=True, help_text=_("Rounded to the hour.")
    )

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created_at", "-pk"]
        # Answers are only read: staff get the view permission through the group editor.
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.page_id}: {'yes' if self.useful else 'no'}"


def scrub_comment(text):
    """The comment without control characters and with obvious personal data replaced."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(
        char
        for char in text
        if char == "\n" or (unicodedata.category(char) != "Cc" and char not in BIDI_CONTROLS)
    )
    for pattern in PERSONAL_DATA_PATTERNS:
        text = pattern.sub(REDACTED, text)
    return DIGIT_RUN.sub(_redact_phone_number, text).strip()


def _redact_phone_number(match):
    digits = sum(char.isdigit() for char in match.group())
    return REDACTED if digits >= PHONE_MIN_DIGITS else match.group()


class CommentField(forms.CharField):
    """A comment with browser line endings normalised, so the length check counts as browsers do."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n")


class PageFeedbackForm(forms.Form):
    """Yes or no, an optional comment and a honeypot that people never see."""

    useful = forms.TypedChoiceField(
        label=_("Was this page useful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose “Yes” or “No”.")},
    )
    comment = CommentField(
        label=_("Comment (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Tell us what you were looking for or what was unclear. This form is anonymous: "
            "do not write your name, e-mail address, phone number or other personal data."
        ),
    )
    # Filled only by bots; the template hides it from people and from assistive technology.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_comment(self):
        return scrub_comment(self.cleaned_data["comment"])

    def save(self, page):
        """Stores the answer about ``page``."""
        return PageFeedback.objects.create(
            page=page,
            locale_id=page.locale_id,
            useful=self.cleaned_data["useful"],
            comment=self.cleaned_data["comment"],
        )
