"""The participants' back office: admin menu, log actions, settings lists."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_participant_log_actions(actions):
    for action, label, message in [
        ("path", _("Move a participant's path"), _("Participant's path moved")),
        ("attendance", _("Record attendance"), _("Attendance recorded")),
        ("attendance_adjustment", _("Correct locked attendance"), _("Attendance corrected")),
        ("month_lock", _("Lock a month's attendance"), _("Month locked")),
        ("export", _("Export a participant's data"), _("Participant's data exported")),
    ]:
        actions.register_action(f"approdo.participant.{action}", label, message)


@hooks.register("register_admin_viewset")
def register_participants():
    from participants.backoffice.viewsets import ParticipantsGroup

    return ParticipantsGroup()


@hooks.register("construct_homepage_panels")
def add_caseload_panel(request, panels):
    if request.user.has_perm("participants.manage_path"):
        from participants.backoffice.panels import CaseloadPanel

        panels.append(CaseloadPanel(request))


@hooks.register("register_admin_urls")
def redirect_intern_screens():
    """The host companies' former "Interns" screens: the people are participants now."""
    from django.urls import re_path, reverse_lazy
    from django.views.generic import RedirectView

    people = RedirectView.as_view(url=reverse_lazy("participants_admin:index"))
    return [re_path(r"^host-companies/interns/", people, name="interns_moved")]
