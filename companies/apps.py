from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    """Host companies and everything they provide or see."""

    name = "companies"
    verbose_name = _("Host companies")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_save
        from wagtail.permissions import register_permission_policy

        from companies import accounts
        from companies.models import (
            Company,
            CompanyDocument,
            Placement,
            Position,
            Territory,
        )
        from companies.permissions import PlacementPermissionPolicy
        from home.permissions import ReadOnlyPermissionPolicy
        from users import sidebar

        # Registered here, before Wagtail builds its admin, so no default policy is made first.
        register_permission_policy(Company, ReadOnlyPermissionPolicy(Company))
        register_permission_policy(Position, ReadOnlyPermissionPolicy(Position))
        register_permission_policy(CompanyDocument, ReadOnlyPermissionPolicy(CompanyDocument))
        register_permission_policy(Placement, PlacementPermissionPolicy(Placement))
        # The memberships and dossier work in a user's account download and deletion.
        accounts.register()
        # The admin menu counts the companies awaiting review: a company saved (its status
        # or territory) or a moderator added to a territory changes that count.
        post_save.connect(sidebar.changed, sender=Company, dispatch_uid="sidebar-company")
        m2m_changed.connect(
            sidebar.changed, sender=Territory.moderators.through, dispatch_uid="sidebar-moderators"
        )
