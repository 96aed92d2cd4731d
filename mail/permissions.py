"""Who may do what with the outbox in the Wagtail admin."""

from wagtail.permission_policies import ModelPermissionPolicy


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """A stored e-mail is a record of what was sent: staff with the view permission look at
    it, nobody adds, edits or deletes one in the admin, superusers included."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
