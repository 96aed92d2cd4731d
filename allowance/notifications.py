"""E-mails of the allowance: coordinators hear that a month's statements are ready.

They name no person: the project and the month, and a link to the statements list, where
the reader's permission and scope are checked.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from mail.outbox import queue_email


def approvers():
    """Active staff holding the approval permission through a group or directly."""
    permission = Permission.objects.get(
        content_type__app_label="allowance", codename="approve_statement"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .exclude(email="")
        .distinct()
    )


def tell_month_ready(project, month, count):
    """Queues one e-mail per approver, in their admin language."""
    for user in approvers():
        language = UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            link = reverse("allowance_statements:index") + f"?project={project.pk}"
            context = {
                "project": project,
                "month": month,
                "count": count,
                "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + link,
            }
            subject = " ".join(
                render_to_string("allowance/email/ready_subject.txt", context).split()
            )
            text = render_to_string("allowance/email/ready.txt", context)
        queue_email("allowance.ready", user.email, language, subject, text)
