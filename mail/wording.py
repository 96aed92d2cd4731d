"""Staff-editable wording of the notification e-mails, per kind and language.

The shipped wording is in templates/companies/email/. Staff replace it for one kind in one
language by adding an "E-mail wording" snippet (and translate it like other snippets). The
text may use $placeholders, filled with plain values: no template code runs, so an edited
wording can neither reach other data nor break the page.
"""

from string import Template

from django.db import models
from django.template.defaultfilters import linebreaks_filter, urlize
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.models import TranslatableMixin

# The e-mails whose wording staff may replace; the placeholders each offers are listed in
# the editing form (see EmailWording.panels) and filled by companies.notifications.
KINDS = {
    "invitation": _("Invitation to join a company"),
    "join_request": _("Request to join a company (to its administrators)"),
    "submission_received": _("Dossier received (to the company)"),
    "new_submission": _("New dossier to review (to the territory's moderators)"),
    "decision_changes_requested": _("Changes requested (to the company)"),
    "decision_approved": _("Dossier approved (to the company)"),
    "decision_rejected": _("Dossier rejected (to the company)"),
    "document_accepted": _("Document accepted (to the company)"),
    "document_rejected": _("Document rejected (to the company)"),
    "placement_proposed": _("Placement proposed (to the company)"),
    "placement_updated": _("Placement started, suspended, resumed, extended or ended"),
    "placement_accepted": _("Placement accepted by the company (to staff)"),
    "placement_declined": _("Placement declined by the company (to staff)"),
    # Reminders and digests (the reminders app sends them; the shipped text is in
    # reminders/wording.py).
    "reminder_dossier_idle": _("Reminder: dossier draft left idle (to the company)"),
    "reminder_changes_unanswered": _("Reminder: changes requested, not answered (to the company)"),
    "reminder_documents_missing": _("Reminder: required documents missing (to the company)"),
    "reminder_agreement_expiring": _("Reminder: agreement about to expire (to the company)"),
    "reminder_attendance_month": _("Reminder: month's attendance to confirm (to the company)"),
    "reminder_queue_waiting": _("Reminder: items waiting in the queue (to moderators)"),
    "reminder_statements_waiting": _("Reminder: allowance statements to approve (to staff)"),
    "reminder_follow_up_overdue": _("Reminder: follow-up overdue (to the case operator)"),
    "digest_weekly": _("Weekly digest (to moderators)"),
}


class EmailWording(TranslatableMixin, models.Model):
    """The subject and text of one kind of e-mail in one language, replacing the default."""

    kind = models.CharField(_("e-mail"), max_length=60, choices=list(KINDS.items()))
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain text; a blank line starts a new paragraph and links become clickable. "
            "Use the placeholders listed above, e.g. $company or $url."
        ),
    )

    panels = [
        HelpPanel(
            content=_(
                "Placeholders each e-mail offers: invitation — $company, $person, $role, "
                "$expires, $url; request to join — $company, $person, $message, $url; dossier "
                "received — $company, $when, $url; new dossier — $company, $territory, $when, "
                "$url; changes requested, approved, rejected — $company, $message, $url; document "
                "accepted or rejected — $company, $document, $message, $url; placement proposed or "
                "updated — $company, $workplace, $starts, $ends, $status, $message, $url; "
                "placement accepted or declined — the same and $code (the intern's pseudonymous "
                "code). Reminders: draft idle — $company, $since, $url; changes not answered — "
                "$company, $since, $message, $url; documents missing — $company, $documents, "
                "$url; agreement expiring — $company, $expires, $url; attendance to confirm — "
                "$company, $month, $workplace, $url; queue waiting — $count, $days, $items, $url; "
                "statements to approve — $count, $days, $url; follow-up overdue — $code, $due, "
                "$url; weekly digest — $summary, $url, $unsubscribe. "
                "Every e-mail also offers $site."
            )
        ),
        FieldPanel("kind"),
        FieldPanel("subject"),
        FieldPanel("body"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("e-mail wording")
        verbose_name_plural = _("e-mail wordings")
        constraints = [
            models.UniqueConstraint(fields=["kind", "locale"], name="one_wording_per_language")
        ]
        # The table it had when the wording was part of home: moving the app moved no row.
        db_table = "home_emailwording"

    def __str__(self):
        return f"{self.get_kind_display()} ({self.locale})"

    def render(self, values):
        """Subject, text and HTML with the placeholders filled in (values are escaped in HTML)."""
        safe = {key: str(value) for key, value in values.items()}
        subject = " ".join(Template(self.subject).safe_substitute(safe).split())
        text = Template(self.body).safe_substitute(safe)
        # urlize escapes the text, then paragraphs are added around the already-safe result.
        html_body = linebreaks_filter(urlize(text, autoescape=True), autoescape=False)
        html = render_to_string(
            "companies/email/base_wording.html",
            {"body": html_body, "site_name": values.get("site", "")},
        )
        return subject, text, html
