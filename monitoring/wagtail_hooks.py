"""The Monitoring menu, shown only to those who hold the permission; its log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from monitoring.permissions import can_read_answers


@hooks.register("register_admin_urls")
def register_monitoring_urls():
    from monitoring import views
    from monitoring.report import IndicatorReportView

    return [
        path("monitoring/indicators/", IndicatorReportView.as_view(), name="monitoring_indicators"),
        path("monitoring/", views.find, name="monitoring_find"),
        path("monitoring/person/<int:pk>/", views.record, name="monitoring_record"),
        path("monitoring/person/<int:pk>/withdraw/", views.withdraw, name="monitoring_withdraw"),
    ]


class MonitoringMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_answers(request.user)


@hooks.register("register_admin_menu_item")
def register_monitoring_menu_item():
    return MonitoringMenuItem(
        _("ESF+ monitoring"), reverse("monitoring_find"), icon_name="lock", order=260
    )


@hooks.register("register_log_actions")
def register_monitoring_log_actions(actions):
    for action, label, message in [
        ("record", _("Record ESF+ monitoring answers"), _("Monitoring answers recorded")),
        ("withdraw", _("Withdraw monitoring consent"), _("Monitoring consent withdrawn")),
    ]:
        actions.register_action(f"approdo.monitoring.{action}", label, message)


@hooks.register("register_permissions")
def register_monitoring_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="monitoring")


@hooks.register("register_reports_menu_item")
def register_indicator_report_menu_item():
    from monitoring.report import IndicatorReportMenuItem

    return IndicatorReportMenuItem(
        _("ESF+ indicators"),
        reverse("monitoring_indicators"),
        name="esf-indicators",
        icon_name="table",
        order=9310,
    )
