"""Documents a host company provides (the signed agreement and others), with their versions.

Staff decide per deployment which kinds exist, which are required and from which dossier
status they are due (Settings → Document kinds). Every upload is a new version; the
previous one is superseded and stays in the history. Files live in the private storage.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.documents import get_document_model_string
from wagtail.models import TranslatableMixin

from companies.models.company import CompanyStatus
from companies.models.declaration import LocalizedItemsQuerySet
from companies.querysets import CompanyDocumentQuerySet
from companies.storage import private_storage
from lifecycle import Machine, Transition

# The order in which a dossier moves; a kind due "from submitted" is due when approved too.
STATUS_ORDER = [
    CompanyStatus.DRAFT,
    CompanyStatus.SUBMITTED,
    CompanyStatus.CHANGES_REQUESTED,
    CompanyStatus.APPROVED,
]


class DocumentKind(TranslatableMixin, models.Model):
    """A kind of document companies provide, e.g. "Signed host agreement (convenzione)"."""

    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(
        _("what to upload"), blank=True, help_text=_("Shown to companies next to the upload.")
    )
    template = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("blank template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The form companies download, fill in and sign (a public document)."),
    )
    due_from = models.CharField(
        _("due from"),
        max_length=20,
        choices=[(status.value, status.label) for status in STATUS_ORDER],
        default=CompanyStatus.APPROVED,
        help_text=_("The dossier status from which companies are asked for it."),
    )
    required = models.BooleanField(_("required"), default=True)
    max_size_mb = models.PositiveSmallIntegerField(
        _("maximum size (MB)"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("asked to companies"), default=True)

    objects = LocalizedItemsQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("document kind")
        verbose_name_plural = _("document kinds")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def max_bytes(self):
        return self.max_size_mb * 1024 * 1024

    def is_due_for(self, company):
        if company.status == CompanyStatus.REJECTED:
            return False
        return STATUS_ORDER.index(company.status) >= STATUS_ORDER.index(self.due_from)


class DocumentStatus(models.TextChoices):
    UPLOADED = "uploaded", pgettext_lazy("document", "Uploaded, awaiting review")
    ACCEPTED = "accepted", pgettext_lazy("document", "Accepted")
    REJECTED = "rejected", pgettext_lazy("document", "Rejected")
    SUPERSEDED = "superseded", pgettext_lazy("document", "Replaced by a newer version")


D = DocumentStatus
# The life of one version; companies.services.documents and .document_review apply the moves.
VERSION = Machine(
    "status",
    Transition("accept", {D.UPLOADED}, D.ACCEPTED),
    Transition("reject", {D.UPLOADED}, D.REJECTED),
    # A new upload replaces the version awaiting review or rejected…
    Transition("supersede", {D.UPLOADED, D.REJECTED}, D.SUPERSEDED),
    # …and, once accepted, the version in force until then.
    Transition("retire", {D.ACCEPTED}, D.SUPERSEDED),
    # Withdrawing that upload before review gives the replaced version its status back.
    Transition("restore_uploaded", {D.SUPERSEDED}, D.UPLOADED),
    Transition("restore_rejected", {D.SUPERSEDED}, D.REJECTED),
)


def random_name(instance, filename):
    """The stored name: random, so nothing of the uploaded name reaches the filesystem."""
    suffix = ".p7m" if instance.content_type == "application/pkcs7-mime" else ".pdf"
    return f"companies/{instance.company_id}/{uuid.uuid4().hex}{suffix}"


class CompanyDocument(models.Model):
    """One uploaded version of one kind of document of a company."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="documents"
    )
    kind_key = models.UUIDField(_("kind"), db_index=True)
    version = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), storage=private_storage, upload_to=random_name)
    original_name = models.CharField(_("file name"), max_length=160)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content_type = models.CharField(_("type"), max_length=40)
    signature = models.CharField(_("signature"), max_length=10, default="none")
    signer = models.CharField(_("signer"), max_length=500, blank=True)
    flags = models.JSONField(_("warnings"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DocumentStatus.choices,
        default=DocumentStatus.UPLOADED,
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    # The status a version had when a newer upload superseded it, restored if that newer
    # upload is withdrawn before review.
    replaced_status = models.CharField(max_length=12, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    objects = CompanyDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("company document")
        verbose_name_plural = _("company documents")
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "kind_key", "version"], name="one_document_version"
            )
        ]

    def __str__(self):
        return f"{self.company} · {self.original_name} (v{self.version})"

    @property
    def flag_labels(self):
        """The content check's warnings, in words for the staff review screen."""
        labels = {
            "javascript": _("the PDF contains JavaScript"),
            "launch": _("the PDF can launch programs"),
            "embedded_files": _("the PDF carries attached files"),
        }
        return [labels.get(flag, flag) for flag in self.flags]

    @property
    def signature_label(self):
        return {
            "pades": _("PAdES signature present, not verified"),
            "cades": _("CAdES signature (.p7m) present, not verified"),
        }.get(self.signature, _("No digital signature found"))
