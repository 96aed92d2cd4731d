"""E-mails to the staff who must act on a path, in their admin language.

They name the person only by pseudonymous code: sent e-mails are kept for a while for
support questions and must not carry names. The link opens the person's page, where the
reader's access is checked and logged.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.users.models import UserProfile

from mail.outbox import queue_email
from participants.models import Path, PathEvent

# The moves after which somebody has to do something, and who.
NOTICES = {"refer": "referred", "find_eligible": "eligible"}


def _send(kind, user, context):
    language = UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        path = context["path"]
        link = reverse("participants_admin:inspect", args=[path.participant_id])
        context = {**context, "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + link}
        subject = " ".join(
            render_to_string(f"participants/email/{kind}_subject.txt", context).split()
        )
        text = render_to_string(f"participants/email/{kind}.txt", context)
    queue_email(f"participants.{kind}", user.email, language, subject, text)


@task()
def send_path_notice(event_id):
    """Tells the case operator about a move that asks them to act (see NOTICES)."""
    event = (
        PathEvent.objects.select_related("path__participant__operator", "path__project")
        .filter(pk=event_id)
        .first()
    )
    if event is None or event.action not in NOTICES:
        return
    operator = event.path.participant.operator
    if operator is None or not operator.email:
        return
    _send(NOTICES[event.action], operator, {"path": event.path, "event": event})


@task()
def send_follow_up_reminder(path_id):
    """Reminds the case operator that a follow-up is due."""
    path = (
        Path.objects.select_related("participant__operator", "project").filter(pk=path_id).first()
    )
    if path is None or path.participant.operator is None:
        return
    _send("follow_up_due", path.participant.operator, {"path": path})
