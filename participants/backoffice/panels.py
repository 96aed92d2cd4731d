"""Wagtail home panel: the operator's caseload and the follow-ups due, as tasks."""

from django.db.models import Count, Q
from wagtail.admin.ui.components import Component

from participants.models import Participant, Stage
from participants.services.path import follow_ups_due


class CaseloadPanel(Component):
    name = "participants_caseload"
    order = 60
    template_name = "participants/backoffice/caseload_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        mine = Participant.objects.filter(operator=user).aggregate(
            active=Count("paths", filter=Q(paths__stage=Stage.ACTIVE)),
            open=Count(
                "paths",
                filter=~Q(
                    paths__stage__in=[
                        Stage.NOT_ELIGIBLE,
                        Stage.COMPLETED,
                        Stage.WITHDRAWN,
                        Stage.FOLLOWED_UP,
                    ]
                ),
            ),
        )
        due = follow_ups_due(user).filter(participant__operator=user)[:20]
        return {"active": mine["active"], "open": mine["open"], "due": due}
