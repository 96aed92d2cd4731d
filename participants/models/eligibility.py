"""Eligibility checks: the outcome, the rules that failed, and who attested which answer.

What is stored is *who attested what, when*: the project's question (a programme or a
condition such as "receives the ADI"), the yes/no answer, the attesting person and
organisation. Never a category of vulnerability.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EligibilityCheck(models.Model):
    """One check of a path against its project's rules."""

    path = models.ForeignKey(
        "participants.Path", on_delete=models.CASCADE, related_name="eligibility_checks"
    )
    checked_on = models.DateField(_("checked on"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    eligible = models.BooleanField(_("eligible"))
    # Stable codes ("age", "municipality", "referrer", "question:<id>") and their messages
    # as shown at the time, so a later change of the rules does not rewrite history.
    failed_rules = models.JSONField(_("rules not met"), default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("eligibility check")
        verbose_name_plural = _("eligibility checks")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.path_id}: {'eligible' if self.eligible else 'not eligible'}"


class Attestation(models.Model):
    """An answer to one of the project's yes/no questions, and who vouched for it."""

    check_record = models.ForeignKey(
        EligibilityCheck, on_delete=models.CASCADE, related_name="attestations"
    )
    question = models.ForeignKey(
        "projects.EligibilityQuestion",
        verbose_name=_("question"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    answer = models.BooleanField(_("answer"))
    attested_by = models.CharField(
        _("attested by"),
        max_length=160,
        help_text=_("The person or office that vouches for the answer (e.g. the job centre)."),
    )
    attested_on = models.DateField(_("attested on"))

    class Meta:
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")
        ordering = ["question__sort_order", "pk"]

    def __str__(self):
        return f"{self.question}: {self.answer}"
