"""The targets-vs-actuals dashboard in Wagtail's Reports menu: one project at a time.

The figures come from results.tables, already masked; this view chooses the project and
the territories (those the user moderates, every one for superusers, within the project's)
and hands the tables and the chart data made from the same cells to the template. Without
JavaScript the page is its tables.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from companies.backoffice.refusals import forbidden
from companies.models import Territory
from companies.project_report import HIDDEN, SMALL_CELL, local_today
from projects.models import Project
from results.charts import charts_for
from results.models import DASHBOARD_PERMISSION
from results.tables import dashboard


def dashboard_territories(user):
    """The territories whose figures ``user`` may read on the dashboard."""
    if user.is_superuser:
        return Territory.objects.all()
    return Territory.objects.filter(moderators=user)


def dashboard_projects(user):
    """The projects that run in at least one of the user's territories (every one for
    superusers)."""
    if user.is_superuser:
        return Project.objects.all()
    mine = dashboard_territories(user).values("pk")
    return Project.objects.filter(
        Q(territories__in=mine) | Q(territory_targets__territory__in=mine)
    ).distinct()


class DashboardView(WagtailAdminTemplateMixin, View):
    """A project's targets against its actuals, for the user's territories."""

    page_title = _("Targets and results")
    header_icon = "table"
    template_name = "results/dashboard.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, project_id=None):
        if not request.user.has_perm(DASHBOARD_PERMISSION):
            return forbidden()
        projects = list(dashboard_projects(request.user).order_by("-starts_on", "name"))
        if project_id is None:
            if projects:
                return redirect("results_dashboard", project_id=projects[0].pk)
            return self.render_to_response(self.get_context_data(projects=[], board=None))
        project = next((p for p in projects if p.pk == project_id), None)
        if project is None:
            raise Http404
        project = (
            Project.objects.prefetch_related("territories", "territory_targets")
            .filter(pk=project.pk)
            .get()
        )
        mine = set(dashboard_territories(request.user).values_list("pk", flat=True))
        territories = [t for t in project.territories.all() if t.pk in mine]
        if not territories:
            targeted = {target.territory_id for target in project.territory_targets.all()}
            territories = list(Territory.objects.filter(pk__in=targeted & mine))
        board = dashboard(project, territories, local_today())
        charts = charts_for(board)
        context = self.get_context_data(
            projects=projects,
            project=project,
            board=board,
            sections=[
                {"table": table, "chart": charts[table.name], "data_id": f"{table.name}-chart-data"}
                for table in board.tables
            ],
            small_cell=SMALL_CELL,
            hidden_mark=HIDDEN,
        )
        return self.render_to_response(context)


class DashboardMenuItem(MenuItem):
    """Reports menu entry, shown only to users the dashboard lets in."""

    def is_shown(self, request):
        return request.user.has_perm(DASHBOARD_PERMISSION)


def menu_item():
    return DashboardMenuItem(
        _("Targets and results"),
        reverse("results_dashboard_index"),
        name="results-dashboard",
        icon_name="table",
        order=9310,
    )
