"""Permission policies shared by the project's admin views."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Staff with the view permission look at these records; nobody edits them in the admin.

    Used for host companies and positions (companies change their own dossier, staff act
    through the decision services, which check their own permissions). Superusers are
    refused too. The outbox has its own policy of the same kind (mail.permissions): mail
    sits below home and imports nothing from it.
    """

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
