"""The dashboard's "what do I do next?" list, worked out from the dossier and the team."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from companies.models import CompanyStatus, JoinRequestStatus


@dataclass(frozen=True)
class Todo:
    """One thing the company should do; ``url`` is where to do it (None: nothing to click)."""

    text: str
    url: str | None = None


def todo_items(company, steps, membership, documents=(), placements=None):
    """The next actions for this company and user, most urgent first.

    ``placements``, when the caller has the company's placements with their interns
    already, saves the query for the proposed ones.
    """
    items = []
    if company.status == CompanyStatus.CHANGES_REQUESTED:
        items.append(
            Todo(
                _("Read the project staff's request in the history and update the dossier."),
                "#timeline-title",
            )
        )
    if company.is_editable:
        missing = [step for step in steps if not step.done]
        for step in missing:
            text = _("Complete “%(step)s”") % {"step": step.label}
            if step.detail:
                text = f"{text}: {step.detail}"
            items.append(Todo(text, reverse(step.url_name, args=[company.pk])))
        if not missing:
            items.append(Todo(_("Send the dossier to the project staff."), "#send-dossier"))
    documents_url = reverse("companies:documents", args=[company.pk])
    for row in documents:
        if row.needs_action:
            text = (
                _("Upload a new version of “%(name)s”: the staff rejected the last one.")
                if row.state == "rejected"
                else _("Sign and upload “%(name)s”.")
            )
            items.append(Todo(text % {"name": row.kind.name}, documents_url))
    if placements is None:
        proposed = company.placements.filter(status="proposed").select_related("participant")
    else:
        proposed = [placement for placement in placements if placement.status == "proposed"]
    for placement in proposed:
        items.append(
            Todo(
                _("Answer the proposed placement of %(name)s.")
                % {"name": placement.participant.display_name},
                reverse("companies:intern_card", args=[company.pk, placement.pk]),
            )
        )
    if membership is not None and membership.is_admin:
        waiting = company.join_requests.filter(status=JoinRequestStatus.PENDING).count()
        if waiting:
            items.append(
                Todo(
                    ngettext(
                        "%(count)d person asks to join your team: answer the request.",
                        "%(count)d people ask to join your team: answer their requests.",
                        waiting,
                    )
                    % {"count": waiting},
                    reverse("companies:team", args=[company.pk]),
                )
            )
    return items
