"""E-mails about a company's team, sent as background tasks in the recipient's language.

Tasks take ids, not objects or tokens: the invitation link is rebuilt from the row when the
task runs, so no secret sits in the task queue.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from companies.models import (
    CompanyEvent,
    Invitation,
    JoinRequest,
    JoinRequestStatus,
    MembershipRole,
)


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _site_name():
    from wagtail.models import Site

    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).project_name if site else "Approdo"


def send_templated(template, recipient, language, context):
    """Renders <template>_subject.txt, .txt and .html in ``language`` and sends them."""
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"site_name": _site_name(), **context}
        subject = render_to_string(f"companies/email/{template}_subject.txt", context)
        text = render_to_string(f"companies/email/{template}.txt", context)
        html = render_to_string(f"companies/email/{template}.html", context)
    message = EmailMultiAlternatives(subject=" ".join(subject.split()), body=text, to=[recipient])
    message.attach_alternative(html, "text/html")
    message.send()


@task()
def send_invitation(invitation_id):
    """Sends the invitation link to the invited address, in the inviter's language."""
    invitation = (
        Invitation.objects.select_related("company", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None or not invitation.is_pending:
        return  # revoked or used before the task ran: nothing to send
    language = invitation.language or settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse("companies:invitation", args=[invitation.token])
    send_templated(
        "invitation",
        invitation.email,
        language,
        {
            "invitation": invitation,
            "company": invitation.company,
            "inviter": invitation.invited_by,
            "role": invitation.get_role_display,
            "url": _absolute(path),
        },
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
        language = membership.user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            path = reverse("companies:team", args=[company.pk])
        send_templated(
            "join_request",
            membership.user.email,
            language,
            {"join_request": join_request, "company": company, "url": _absolute(path)},
        )


def _to_members(company, template, context, url_name="companies:dashboard"):
    """Sends to every member of the company, each in their own language."""
    for membership in company.memberships.select_related("user"):
        language = membership.user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            path = reverse(url_name, args=[company.pk])
        send_templated(
            template,
            membership.user.email,
            language,
            {**context, "company": company, "url": _absolute(path)},
        )


@task()
def send_submission(event_id):
    """Dossier sent: the company gets a receipt, the territory's moderators a new item."""
    event = CompanyEvent.objects.select_related("company__territory").filter(pk=event_id).first()
    if event is None:
        return
    company = event.company
    _to_members(company, "submission_received", {"event": event})
    for moderator in company.territory.moderators.filter(is_active=True):
        language = moderator.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            path = reverse("companies_admin:inspect", args=[company.pk])
        send_templated(
            "new_submission",
            moderator.email,
            language,
            {"company": company, "event": event, "url": _absolute(path)},
        )


@task()
def send_decision(event_id):
    """Changes requested, approved or rejected: every member of the company is told."""
    event = CompanyEvent.objects.select_related("company", "actor").filter(pk=event_id).first()
    if event is None:
        return
    _to_members(event.company, f"decision_{event.to_status}", {"event": event})
