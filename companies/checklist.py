"""The company's document checklist: each kind with its latest version and history."""

from dataclasses import dataclass, field

from django.utils.translation import pgettext_lazy

from companies.models import CompanyDocument, DocumentKind, DocumentStatus

STATES = {
    "missing": pgettext_lazy("document", "Missing"),
    DocumentStatus.UPLOADED: DocumentStatus.UPLOADED.label,
    DocumentStatus.ACCEPTED: DocumentStatus.ACCEPTED.label,
    DocumentStatus.REJECTED: DocumentStatus.REJECTED.label,
}


@dataclass
class ChecklistRow:
    """One kind of document as the company sees it."""

    kind: DocumentKind
    due: bool
    latest: CompanyDocument | None = None
    history: list = field(default_factory=list)

    @property
    def in_force(self):
        """The accepted version, which stays in force while a newer one awaits review."""
        return next((v for v in self.history if v.status == DocumentStatus.ACCEPTED), None)

    @property
    def pending(self):
        """A newer version than the one in force, not accepted (yet)."""
        if self.in_force is not None and self.latest is not None and self.latest != self.in_force:
            return self.latest
        return None

    @property
    def state(self):
        if self.in_force is not None:
            return DocumentStatus.ACCEPTED
        return self.latest.status if self.latest else "missing"

    @property
    def state_label(self):
        return STATES[self.state]

    @property
    def needs_action(self):
        return self.due and self.kind.required and self.state in ("missing", "rejected")


def checklist(company, language_code=None):
    """Every active kind, in staff order, with the company's versions; two queries."""
    kinds = DocumentKind.objects.for_language(language_code)
    documents = company.documents.select_related("uploaded_by").order_by("-version")
    by_kind = {}
    for document in documents:
        by_kind.setdefault(document.kind_key, []).append(document)
    rows = []
    for kind in kinds:
        versions = by_kind.get(kind.translation_key, [])
        current = [v for v in versions if v.status != DocumentStatus.SUPERSEDED]
        rows.append(
            ChecklistRow(
                kind=kind,
                due=kind.is_due_for(company),
                latest=current[0] if current else None,
                history=versions,
            )
        )
    return rows
