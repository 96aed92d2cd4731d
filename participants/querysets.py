"""Who may see which participant: the one home of that rule for participants.

Views, services, exports and the attendance grid all start from
``Participant.objects.visible_to_staff(user)``; anything outside it answers 404.
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
        scoped = (
            Q(territory__moderators=user)
            | Q(operator=user)
            | Q(intern__placements__project_tutor=user)
        )
        # A subquery, not .distinct(): the list stays sortable and countable cheaply.
        return self.filter(pk__in=self.model.objects.filter(scoped).values("pk"))
