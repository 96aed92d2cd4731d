"""Who may do what with host companies in the Wagtail admin."""

from wagtail.permission_policies import ModelPermissionPolicy


class CompanyPermissionPolicy(ModelPermissionPolicy):
    """Staff look at companies here but never edit them through generic forms.

    Companies change their own dossier; staff act through the decision services, which
    check ``companies.review_company`` and the territory themselves.
    """

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
