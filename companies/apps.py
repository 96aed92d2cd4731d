from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    """Host companies and everything they provide or see."""

    name = "companies"
    verbose_name = _("Host companies")

    def ready(self):
        # Registered here, before Wagtail builds its admin, so no default policy is made first.
        from wagtail.permissions import register_permission_policy

        from companies import accounts
        from companies.models import Company, CompanyDocument, Placement, Position
        from companies.permissions import PlacementPermissionPolicy
        from home.permissions import ReadOnlyPermissionPolicy

        register_permission_policy(Company, ReadOnlyPermissionPolicy(Company))
        register_permission_policy(Position, ReadOnlyPermissionPolicy(Position))
        register_permission_policy(CompanyDocument, ReadOnlyPermissionPolicy(CompanyDocument))
        register_permission_policy(Placement, PlacementPermissionPolicy(Placement))
        # The memberships and dossier work in a user's account download and deletion.
        accounts.register()
