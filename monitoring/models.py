"""The ESF+ monitoring record: the one place where special-category answers may exist.

Regulation (EU) 2021/1057 (Annex I) asks FSE+ projects to count participants with
disabilities, third-country nationals, people with a foreign background, minorities,
homeless people and people from rural areas. Approdo keeps those answers here only:
- only once the person's consent is recorded (who recorded it, when, given on which day);
- every question answerable "prefers not to say";
- encrypted at rest (django-fernet-encrypted-fields, key derived from SECRET_KEY and
  SALT_KEY, both outside the database), all answers in one ciphertext;
- readable only by users holding ``monitoring.read_answers`` explicitly (the Monitoring
  group; being a superuser is not enough), every read logged (MonitoringRead);
- never listed or exported per person: reports count them (monitoring.indicators);
- deleted when the person is anonymised (monitoring.privacy), CASCADE when deleted.
No other model points here, and it points only at the participant.
"""

import json

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_STATED = "not_stated", _("Prefers not to say")


# (code, question): the codes are what the ciphertext holds and the reports count.
QUESTIONS = [
    ("disability", _("Has a disability")),
    ("third_country", _("Is a third-country national (not an EU citizen)")),
    ("foreign_background", _("Has a foreign background")),
    ("minority", _("Belongs to a minority (including marginalised communities such as Roma)")),
    ("housing_exclusion", _("Is homeless or affected by housing exclusion")),
    ("rural", _("Lives in a rural area")),
]
CODES = [code for code, _question in QUESTIONS]


class MonitoringRecord(models.Model):
    """One person's consented answers to the special-category indicators."""

    participant = models.OneToOneField(
        "participants.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    consent_given_on = models.DateField(_("consent given on"))
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept if the account is later deleted: who recorded the consent must stay known.
    consent_recorded_by_name = models.CharField(_("consent recorded by"), max_length=254)
    consent_recorded_at = models.DateTimeField(_("consent recorded"), default=timezone.now)
    # JSON {code: answer}, encrypted as one value; a code left out was not asked.
    answers = EncryptedTextField(_("answers"), blank=True, null=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("monitoring record")
        verbose_name_plural = _("monitoring records")
        default_permissions = ()
        permissions = [
            ("read_answers", _("Can read and record the ESF+ special-category answers")),
            ("view_indicators", _("Can view the ESF+ indicator tables")),
        ]

    def __str__(self):
        return f"{self.participant.code} · {_('monitoring record')}"

    def answer_map(self):
        """{code: answer} of the questions answered; decrypted by the field."""
        return decode(self.answers)

    def set_answers(self, answers):
        self.answers = encode(answers)


def encode(answers):
    valid = {choice.value for choice in Answer}
    kept = {code: answers[code] for code in CODES if answers.get(code) in valid}
    return json.dumps(kept, separators=(",", ":")) if kept else None


def decode(text):
    if not text:
        return {}
    try:
        found = json.loads(text)
    except ValueError:  # not decryptable with the keys configured: never shown raw
        return {}
    return found if isinstance(found, dict) else {}


class MonitoringRead(models.Model):
    """Every time somebody opens a person's monitoring answers: who, when."""

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    viewer = models.CharField(_("viewer"), max_length=254)
    read_at = models.DateTimeField(_("read"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("monitoring record read")
        verbose_name_plural = _("monitoring record reads")
        ordering = ["-read_at"]
        default_permissions = ()

    def __str__(self):
        return f"{self.viewer} · {self.participant_id} · {self.read_at:%Y-%m-%d %H:%M}"
