"""Generated agreements and training projects, their templates, and the signed files that return.

A generated document is rendered from the data Approdo holds; its SHA-256 identifies "the PDF
we produced", so a signed upload can be matched to it byte for byte. Signed uploads keep the
three verdicts (our document, a valid signature, an entitled signer) with the version.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template import Context, TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from companies.storage import private_storage
from lifecycle import Machine, Transition


class DocumentType(models.TextChoices):
    AGREEMENT = "agreement", _("Internship agreement (convenzione di tirocinio)")
    TRAINING_PROJECT = (
        "training_project",
        _("Individual training project (progetto formativo individuale)"),
    )


class DocumentTemplate(models.Model):
    """The HTML body of one document type for one project and language, edited by staff.

    Without a row the default shipped in agreements/defaults.py is used. The body is a Django
    template that sees plain values only (no model objects), listed in the help text.
    """

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty: used for every project without a template of its own."),
    )
    document_type = models.CharField(_("document"), max_length=20, choices=DocumentType.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    body = models.TextField(
        _("body (HTML)"),
        help_text=_(
            "HTML with {{ company.legal_name }}, {{ project.name }}, {{ terms.insurance_inail }}, "
            "{{ placement.tasks }} and the other values of the shipped default."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("agreement template")
        verbose_name_plural = _("agreement templates")
        ordering = ["document_type", "language", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "document_type", "language"], name="one_template_per_language"
            )
        ]

    def __str__(self):
        return f"{self.get_document_type_display()} · {self.language} · {self.project or '*'}"

    def clean(self):
        from agreements.render import ENGINE

        try:
            ENGINE.from_string(self.body).render(Context({}))
        except (TemplateSyntaxError, TemplateDoesNotExist) as error:
            raise ValidationError(
                {"body": _("The template cannot be read: %(error)s") % {"error": error}}
            ) from error


class ProjectTerms(models.Model):
    """What the agreements of a project state about the promoter and the insurance."""

    project = models.OneToOneField(
        "projects.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    promoter_name = models.CharField(_("promoter"), max_length=200)
    promoter_representative = models.CharField(_("promoter's representative"), max_length=160)
    insurance_inail = models.CharField(
        _("INAIL insurance"), max_length=200, help_text=_("e.g. the INAIL position number.")
    )
    insurance_liability = models.CharField(
        _("civil liability insurance"), max_length=200, help_text=_("Insurer and policy number.")
    )

    class Meta:
        verbose_name = _("agreement terms")
        verbose_name_plural = _("agreement terms")

    def __str__(self):
        return str(self.project)


class SignatoryRole(models.TextChoices):
    LEGAL_REPRESENTATIVE = "legal_representative", _("Legal representative")
    DELEGATE = "delegate", _("Delegate")


class Signatory(models.Model):
    """A person entitled to sign for a company, identified by the tax code in the certificate."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="signatories"
    )
    role = models.CharField(_("role"), max_length=24, choices=SignatoryRole.choices)
    full_name = models.CharField(_("full name"), max_length=160)
    tax_code = models.CharField(_("codice fiscale"), max_length=16)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["role", "full_name"]

    def __str__(self):
        return f"{self.full_name} ({self.get_role_display()})"


def generated_name(instance, filename):
    return f"agreements/{instance.company_id}/generated-{uuid.uuid4().hex}.pdf"


class GeneratedDocument(models.Model):
    """One version of a PDF Approdo rendered; a new version when the data or template change."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="generated_documents"
    )
    placement = models.ForeignKey(
        "companies.Placement",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="generated_documents",
    )
    document_type = models.CharField(_("document"), max_length=20, choices=DocumentType.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    version = models.PositiveIntegerField(_("version"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size = models.PositiveIntegerField(_("size"))
    file = models.FileField(storage=private_storage, upload_to=generated_name)
    created_at = models.DateTimeField(_("generated"), default=timezone.now)

    class Meta:
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.company} · {self.get_document_type_display()} v{self.version}"

    @property
    def download_name(self):
        stem = "convenzione" if self.document_type == DocumentType.AGREEMENT else "progetto"
        suffix = f"-{self.placement_id}" if self.placement_id else ""
        return f"{stem}{suffix}-v{self.version}-{self.language}.pdf"


class Verdict(models.TextChoices):
    PASSED = "passed", pgettext_lazy("check", "Passed")
    WARNING = "warning", pgettext_lazy("check", "Warning")
    FAILED = "failed", pgettext_lazy("check", "Failed")


class SignedStatus(models.TextChoices):
    UPLOADED = "uploaded", pgettext_lazy("document", "Uploaded, awaiting review")
    ACCEPTED = "accepted", pgettext_lazy("document", "Accepted")
    REJECTED = "rejected", pgettext_lazy("document", "Rejected")
    SUPERSEDED = "superseded", pgettext_lazy("document", "Replaced by a newer version")


# A signed upload waits for staff, who accept or reject it; a newer upload (or a newer accepted
# version) supersedes it. Superseding happens to many rows at once, so services read its
# sources and target from here for their bulk update.
SIGNED = Machine(
    "status",
    Transition("accept", {SignedStatus.UPLOADED}, SignedStatus.ACCEPTED, _("Accept")),
    Transition("reject", {SignedStatus.UPLOADED}, SignedStatus.REJECTED, _("Reject")),
    Transition(
        "supersede_pending",
        {SignedStatus.UPLOADED, SignedStatus.REJECTED},
        SignedStatus.SUPERSEDED,
    ),
    Transition("supersede_accepted", {SignedStatus.ACCEPTED}, SignedStatus.SUPERSEDED),
)


def signed_name(instance, filename):
    suffix = ".p7m" if instance.signature_format == "cades" else ".pdf"
    return f"agreements/{instance.generated.company_id}/signed-{uuid.uuid4().hex}{suffix}"


class SignedDocument(models.Model):
    """A signed file a company uploaded for a generated document, with the checks' verdicts."""

    generated = models.ForeignKey(
        GeneratedDocument, on_delete=models.PROTECT, related_name="signed_versions"
    )
    file = models.FileField(storage=private_storage, upload_to=signed_name)
    original_name = models.CharField(_("file name"), max_length=160)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    signature_format = models.CharField(_("signature"), max_length=8)  # pades | cades
    document_verdict = models.CharField(
        _("our document"), max_length=8, choices=Verdict.choices, default=Verdict.PASSED
    )
    signature_verdict = models.CharField(
        _("valid signature"), max_length=8, choices=Verdict.choices, default=Verdict.PASSED
    )
    signer_verdict = models.CharField(
        _("entitled signer"), max_length=8, choices=Verdict.choices, default=Verdict.PASSED
    )
    # What each check found, for the review screen: hashes, certificate subject, times.
    details = models.JSONField(_("details"), default=dict)
    signer_name = models.CharField(_("signer"), max_length=500, blank=True)
    signer_tax_code = models.CharField(_("signer's codice fiscale"), max_length=16, blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SignedStatus.choices, default=SignedStatus.UPLOADED
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    warning_accepted = models.BooleanField(_("signer warning accepted"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("signed document")
        verbose_name_plural = _("signed documents")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return f"{self.generated} · {self.original_name}"

    @property
    def all_passed(self):
        """The three checks passed: staff may accept in one click."""
        return {self.document_verdict, self.signature_verdict, self.signer_verdict} == {
            Verdict.PASSED
        }


class StartConditions(models.Model):
    """What a project's placements need accepted before staff can start them.

    Without a row, placements start on the company's required documents alone.
    """

    project = models.OneToOneField(
        "projects.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    signed_agreement = models.BooleanField(_("signed agreement accepted"), default=True)
    signed_training_project = models.BooleanField(
        _("signed individual training project accepted"), default=True
    )
    insurance = models.BooleanField(_("insurance recorded"), default=True)
    safety_training = models.BooleanField(_("safety training recorded"), default=True)

    class Meta:
        verbose_name = _("start conditions")
        verbose_name_plural = _("start conditions")

    def __str__(self):
        return str(self.project)


class RecordKind(models.TextChoices):
    INSURANCE = "insurance", _("Insurance record")
    SAFETY_TRAINING = "safety_training", _("Safety-training record")


class PlacementRecord(models.Model):
    """A fact staff checked before the start: the intern's insurance, their safety training."""

    placement = models.ForeignKey(
        "companies.Placement", on_delete=models.CASCADE, related_name="start_records"
    )
    kind = models.CharField(_("record"), max_length=20, choices=RecordKind.choices)
    reference = models.CharField(
        _("reference"),
        max_length=200,
        help_text=_("e.g. the INAIL communication number or the course certificate's number."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("placement record")
        verbose_name_plural = _("placement records")
        constraints = [
            models.UniqueConstraint(fields=["placement", "kind"], name="one_record_per_kind")
        ]

    def __str__(self):
        return f"{self.placement_id} · {self.get_kind_display()}"
