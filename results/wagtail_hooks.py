"""The dashboard's admin URLs and its entry in the Reports menu."""

from django.urls import path
from wagtail import hooks


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    from results.views import DashboardView

    return [
        path("reports/results/", DashboardView.as_view(), name="results_dashboard_index"),
        path(
            "reports/results/<int:project_id>/",
            DashboardView.as_view(),
            name="results_dashboard",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_dashboard_menu_item():
    from results.views import menu_item

    return menu_item()
