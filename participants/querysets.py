"""Who may see which participant: the one home of that rule.

Views, services, exports, the attendance grid, the placement forms and the audit log of
the host-companies back office all start from ``Participant.objects.visible_to_staff(user)``;
anything outside it answers 404.
"""

from django.db import models
from django.db.models import Q


class ParticipantQuerySet(models.QuerySet):
    def visible_to_staff(self, user):
        """People of the territories the user moderates, their own caseload, and those
        whose placements they tutor; everyone for superusers; nobody without the
        view permission."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self.all()
        if not user.has_perm("participants.view_participant"):
            return self.none()
        from companies.models import Placement, Territory

        # Three semi-joins, no join fan-out: no duplicates, so no DISTINCT and a cheap count.
        return self.filter(
            Q(territory__in=Territory.objects.filter(moderators=user).values("pk"))
            | Q(operator=user)
            | Q(pk__in=Placement.objects.filter(project_tutor=user).values("participant_id"))
        )
