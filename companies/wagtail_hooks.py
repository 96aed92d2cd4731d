"""Staff back office for host companies (the moderation queue builds on this)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from companies.models import Territory


class TerritoryViewSet(SnippetViewSet):
    """Territories staff manage: every company belongs to one; queues are scoped by them."""

    model = Territory
    icon = "site"
    menu_label = _("Territories")
    add_to_admin_menu = False
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


register_snippet(TerritoryViewSet)


@hooks.register("register_log_actions")
def register_company_log_actions(actions):
    """Custom audit-log actions, worded for the history and the site history report."""
    actions.register_action(
        "approdo.company.create", _("Create company dossier"), _("Company dossier created")
    )
    actions.register_action(
        "approdo.company.submit", _("Submit company dossier"), _("Company dossier submitted")
    )
    actions.register_action(
        "approdo.company.site", _("Change operating sites"), _("Operating sites changed")
    )
    actions.register_action(
        "approdo.company.position", _("Change positions"), _("Positions changed")
    )
