"""Who may see what in the host-companies domain: the one home of those rules.

Every company-facing view starts from ``Company.objects.visible_to(user)``; the back office,
the services, the permission policy, the audit log and the exports start from the staff
methods below. Anything outside them answers 404.
"""

from django.db import models


def _signed_in(user):
    return getattr(user, "is_authenticated", False)


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
        # A subquery, not a join: the (territory, status, submitted_at) index then serves
        # the queue's first page without reading every company of the territory.
        from companies.models.territory import Territory

        return self.filter(territory__in=Territory.objects.filter(moderators=user).values("pk"))

    def awaiting_review(self):
        from companies.models.company import CompanyStatus

        return self.filter(status=CompanyStatus.SUBMITTED).order_by("submitted_at", "pk")


class CompanyDocumentQuerySet(models.QuerySet):
    def reviewable_by(self, user):
        """Documents a staff user may open: their territories', with the permission."""
        if not _signed_in(user) or not user.has_perm("companies.review_document"):
            return self.none()
        from companies.models.company import Company

        return self.filter(company__in=Company.objects.reviewable_by(user))


class PlacementQuerySet(models.QuerySet):
    def manageable_by(self, user):
        """Placements a staff user may act on: their territories', with the permission.

        Tutors (the permission without a territory) act on the placements they follow.
        """
        if not _signed_in(user) or not user.has_perm("companies.manage_placement"):
            return self.none()
        if user.is_superuser:
            return self.all()
        from companies.models.company import Company

        return self.filter(company__in=Company.objects.reviewable_by(user)) | self.filter(
            project_tutor=user
        )
