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

    def awaiting_review(self):
        from companies.models.company import CompanyStatus

        return self.filter(status=CompanyStatus.SUBMITTED).order_by("submitted_at", "pk")
