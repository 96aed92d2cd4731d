"""Who may do what with placements in the admin (registered in CompaniesConfig.ready)."""

from wagtail.permission_policies import ModelPermissionPolicy


class PlacementPermissionPolicy(ModelPermissionPolicy):
    """Staff with "Can propose and manage placements" add, correct and follow placements.

    Which placements is decided per object by ``Placement.objects.manageable_by``
    (territories, or the placements one tutors). Nobody deletes one, superusers included: its
    history is what the funder audits.
    """

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        if action in ("add", "change", "view"):
            return user.is_active and user.has_perm("companies.manage_placement")
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.model.objects.manageable_by(user).filter(pk=instance.pk).exists()
        )
