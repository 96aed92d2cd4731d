"""Settings → E-mail wording and Settings → Outgoing e-mails."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mail.models import EmailWording, OutgoingEmail


class EmailWordingViewSet(SnippetViewSet):
    """Settings → E-mail wording: staff replace the shipped text of a notification."""

    model = EmailWording
    icon = "mail"
    menu_label = _("E-mail wording")
    add_to_settings_menu = True
    list_display = ["kind", "subject", "locale"]
    list_filter = ["kind"]


register_snippet(EmailWordingViewSet)


class OutgoingEmailViewSet(ModelViewSet):
    """Settings → Outgoing e-mails: what was sent, and what waits after a mail-server error."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    add_to_settings_menu = True
    url_prefix = "outgoing-emails"
    name = "outgoing_emails"
    exclude_form_fields = []
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["to", "kind", "created_at", "sent_at", "attempts", "next_attempt_at"]
    list_filter = ["kind", "sent_at"]
    search_fields = ["to", "subject"]


@hooks.register("register_admin_viewset")
def register_outgoing_emails():
    return OutgoingEmailViewSet()
