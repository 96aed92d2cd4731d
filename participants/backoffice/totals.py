"""Participants → Totals: hours planned and attended per person, activity and project, and
the caseload of each operator, over the people the user may see."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSet

from companies.backoffice.refusals import forbidden
from participants import totals
from projects.models import Project

PER_PAGE = 50


def totals_view(request):
    """The staff dashboard of hours and caseloads; a constant number of queries."""
    if not request.user.has_perm("participants.view_participant"):
        return forbidden()
    projects = list(Project.objects.order_by("name").only("pk", "name", "target_hours"))
    chosen = next((p for p in projects if str(p.pk) == request.GET.get("project")), None)
    page = Paginator(totals.paths_with_hours(request.user, chosen), PER_PAGE).get_page(
        request.GET.get("page")
    )
    people = [{"path": item, "attended": totals.attended(item)} for item in page]
    activities, per_project = totals.activity_totals(request.user, chosen)
    counts = totals.people_per_project(request.user)
    for row in per_project:
        row.update(counts.get(row["project"].pk, {}))
    return TemplateResponse(
        request,
        "participants/backoffice/totals.html",
        {
            "header_title": _("Hours and caseloads"),
            "projects": projects,
            "chosen": chosen,
            "page": page,
            "people": people,
            "activities": activities,
            "per_project": per_project,
            "caseload": totals.caseload(request.user),
        },
    )


class TotalsViewSet(ViewSet):
    """The menu entry and URL of the totals dashboard."""

    name = "participant_totals"
    url_prefix = "participants/totals"
    icon = "table"
    menu_label = gettext_lazy("Hours and caseloads")

    def get_urlpatterns(self):
        return [path("", totals_view, name="index")]
