"""Querysets that decide who sees which company: every company-facing view starts here."""

from django.db import models


class CompanyQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Companies the user is a member of; nothing for anonymous users.

        Company-facing views fetch objects only through this, so another company's id
        answers 404 exactly like an id that does not exist.
        """
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(memberships__user=user)

    def reviewable_by(self, user):
        """Companies a staff user may see in the back office: their territories' only.

        Superusers see all; staff need ``companies.view_company`` (to look) and are then
        limited to the territories they moderate. Everyone else sees nothing.
        """
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        if not user.has_perm("companies.view_company"):
            return self.none()
        return self.filter(territory__moderators=user)

    def awaiting_review(self):
        from companies.models.company import CompanyStatus

        return self.filter(status=CompanyStatus.SUBMITTED).order_by("submitted_at", "pk")
