"""E-mails about a company's dossier and team, each in its recipient's language.

Each task renders the e-mails of one event and queues them in the outbox (mail.outbox),
which delivers them and retries through mail-server outages. Every e-mail goes through
``send``, which resolves the recipient's language, builds the link and renders once in it.

Tasks take ids, not objects or tokens: the invitation link is rebuilt from the row when the
task runs, so no secret sits in the task queue.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django_tasks import task

from companies.models import (
    CompanyDocument,
    CompanyEvent,
    DocumentKind,
    Invitation,
    JoinRequest,
    JoinRequestStatus,
    MembershipRole,
    PlacementEvent,
)
from mail.outbox import queue_email
from mail.wording import EmailWording


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _site_name():
    from wagtail.models import Site

    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).project_name if site else "Approdo"


def placeholders(context):
    """The plain values staff may use in their own wording of an e-mail ($company, …)."""
    event = context.get("event")
    join_request = context.get("join_request")
    invitation = context.get("invitation")
    company = context.get("company")
    values = {"site": context.get("site_name", ""), "url": context.get("url", "")}
    if company is not None:
        values["company"] = company.legal_name
        values["territory"] = company.territory.name if company.territory_id else ""
    if event is not None:
        values["message"] = event.message
        values["when"] = date_format(event.created_at, "DATETIME_FORMAT")
    if join_request is not None:
        values["person"] = join_request.user.email
        values["message"] = join_request.message
    document = context.get("document")
    if document is not None:
        values["document"] = context["kind"].name if context.get("kind") else ""
        values["message"] = document.rejection_reason
    placement = context.get("placement")
    if placement is not None:
        values["workplace"] = placement.site.name
        values["starts"] = date_format(placement.starts_on, "DATE_FORMAT")
        values["ends"] = date_format(placement.ends_on, "DATE_FORMAT")
        values["status"] = str(placement.get_status_display())
        # Staff reasons may speak about the person: companies never receive them by e-mail.
        values["message"] = ""
        if context.get("for_staff"):
            values["code"] = placement.participant.code
            values["message"] = event.message if event is not None else ""
    if invitation is not None:
        values["person"] = invitation.invited_by.email if invitation.invited_by else ""
        values["role"] = str(invitation.get_role_display())
        values["expires"] = date_format(invitation.expires_at, "DATETIME_FORMAT")
    return values


def send(kind, recipient, context, link=None, *, language=None, localize=None):
    """Renders one e-mail for ``recipient``, once, in their language, and queues it.

    ``recipient`` is a user (their address, in their preferred language) or an address,
    then in ``language`` (the project's default when empty). ``link`` is a URL name and its
    arguments: reversed in that language (company pages carry its prefix), it becomes the
    ``url`` of the context. ``localize(language)`` may add context that depends on the
    language (e.g. a translated document kind).

    Staff wording for this kind and language (Settings → E-mail wording) wins over the
    shipped templates companies/email/<kind>_subject.txt, <kind>.txt and <kind>.html.
    """
    address = getattr(recipient, "email", recipient)
    language = language or getattr(recipient, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"site_name": _site_name(), **context}
        if localize is not None:
            context.update(localize(language))
        if link is not None:
            url_name, args = link
            context["url"] = _absolute(reverse(url_name, args=args))
        wording = (
            EmailWording.objects.filter(kind=kind, locale__language_code=language)
            .select_related("locale")
            .first()
        )
        if wording is not None:
            subject, text, html = wording.render(placeholders(context))
        else:
            subject = render_to_string(f"companies/email/{kind}_subject.txt", context)
            subject = " ".join(subject.split())
            text = render_to_string(f"companies/email/{kind}.txt", context)
            html = render_to_string(f"companies/email/{kind}.html", context)
    queue_email(kind, address, language, subject, text, html)


@task()
def send_invitation(invitation_id):
    """Sends the invitation link to the invited address, in the inviter's language."""
    invitation = (
        Invitation.objects.select_related("company", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None or not invitation.is_pending:
        return  # revoked or used before the task ran: nothing to send
    send(
        "invitation",
        invitation.email,
        {
            "invitation": invitation,
            "company": invitation.company,
            "inviter": invitation.invited_by,
            "role": invitation.get_role_display,
        },
        link=("companies:invitation", [invitation.token]),
        language=invitation.language,
    )


@task()
def send_join_request(join_request_id):
    """Tells each administrator of the company, in their own language, who asks to join."""
    join_request = (
        JoinRequest.objects.select_related("company", "user").filter(pk=join_request_id).first()
    )
    if join_request is None or join_request.status != JoinRequestStatus.PENDING:
        return
    company = join_request.company
    admins = company.memberships.filter(role=MembershipRole.ADMIN).select_related("user")
    for membership in admins:
        send(
            "join_request",
            membership.user,
            {"join_request": join_request, "company": company},
            link=("companies:team", [company.pk]),
        )


def _to_members(
    company, template, context, url_name="companies:dashboard", localize=None, url_args=None
):
    """Sends to every member of the company, each in their own language, oldest member first
    (a fixed order, so the outbox and its tests read the same on every run)."""
    for membership in company.memberships.select_related("user").order_by("pk"):
        send(
            template,
            membership.user,
            {**context, "company": company},
            link=(url_name, url_args or [company.pk]),
            localize=localize,
        )


@task()
def send_submission(event_id):
    """Dossier sent: the company gets a receipt, the territory's moderators a new item."""
    event = CompanyEvent.objects.select_related("company__territory").filter(pk=event_id).first()
    if event is None:
        return
    company = event.company
    _to_members(company, "submission_received", {"event": event})
    for moderator in company.territory.moderators.filter(is_active=True).order_by("pk"):
        send(
            "new_submission",
            moderator,
            {"company": company, "event": event},
            link=("companies_admin:inspect", [company.pk]),
        )


@task()
def send_decision(event_id):
    """Changes requested, approved or rejected: every member of the company is told."""
    event = CompanyEvent.objects.select_related("company", "actor").filter(pk=event_id).first()
    if event is None:
        return
    _to_members(event.company, f"decision_{event.to_status}", {"event": event})


@task()
def send_document_decision(document_id, status):
    """A document accepted or rejected: every member of the company is told.

    ``status`` is the decision itself: by the time the task runs, the company may already
    have uploaded a newer version that superseded this one.
    """
    document = CompanyDocument.objects.select_related("company").filter(pk=document_id).first()
    if document is None:
        return

    def kind_in(language):
        kinds = DocumentKind.objects.for_language(language)
        return {"kind": next((k for k in kinds if k.translation_key == document.kind_key), None)}

    _to_members(
        document.company,
        f"document_{status}",
        {"document": document},
        url_name="companies:documents",
        localize=kind_in,
    )


# The company's answers go to staff; proposals and the staff's moves go to the company.
PLACEMENT_TO_STAFF = {"accept": "placement_accepted", "decline": "placement_declined"}


@task()
def send_placement_event(event_id):
    """One step of a placement: the people on the other side are told, each in their language.

    A proposal or a staff move reaches every member of the company (and the project tutor,
    when someone else moved it); an accept or decline reaches the project tutor and the
    territory's moderators. E-mails to companies never name the intern (they read who it is
    on the intern card, where every view is recorded) nor carry the staff's reasons, which
    may speak about the person.
    """
    event = (
        PlacementEvent.objects.select_related(
            "placement__company__territory",
            "placement__project_tutor",
            "placement__participant",
            "placement__site",
        )
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return
    placement = event.placement
    company = placement.company
    context = {"event": event, "placement": placement}
    staff = []
    # Staff hear of the company's answers in their own e-mails, of anything else as an update.
    staff_kind = PLACEMENT_TO_STAFF.get(event.action, "placement_updated")
    if event.action in PLACEMENT_TO_STAFF:
        staff = list(company.territory.moderators.filter(is_active=True).order_by("pk"))
    else:
        _to_members(
            company,
            "placement_proposed" if event.action == "propose" else "placement_updated",
            context,
            url_name="companies:intern_card",
            url_args=[company.pk, placement.pk],
        )
    tutor = placement.project_tutor
    if tutor is not None and tutor.is_active and tutor.pk != event.actor_id:
        staff.append(tutor)
    for person in {person.pk: person for person in staff}.values():
        send(
            staff_kind,
            person,
            {**context, "company": company, "for_staff": True},
            link=("placements_admin:inspect", [placement.pk]),
        )
