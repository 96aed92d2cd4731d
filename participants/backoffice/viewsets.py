"""The "Participants" admin menu: people, sessions (with their registers), the catalogue."""

from django.forms import modelform_factory
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from companies.backoffice.columns import DayColumn
from participants.backoffice.assessment import assess, eligibility
from participants.backoffice.attendance import (
    SessionDeleteView,
    SessionEditView,
    SessionIndexView,
    adjust,
    lock,
    register,
)
from participants.backoffice.export import export
from participants.backoffice.filters import ParticipantFilterSet
from participants.backoffice.forms import ParticipantForm, ReferralForm
from participants.backoffice.internship import adjust_month
from participants.backoffice.totals import TotalsViewSet
from participants.backoffice.views import (
    ParticipantEditView,
    ParticipantHistoryView,
    ParticipantIndexView,
    ParticipantInspectView,
    ReferView,
    path_exit,
    path_move,
)
from participants.models import Activity, Participant, Session
from projects.models import Municipality, Project, ReferringOrganisation
from projects.panels import PROJECT_PANELS


class ParticipantViewSet(ModelViewSet):
    model = Participant
    icon = "user"
    menu_label = _("People")
    url_prefix = "participants/people"
    name = "participants_admin"
    index_view_class = ParticipantIndexView
    add_view_class = ReferView
    edit_view_class = ParticipantEditView
    history_view_class = ParticipantHistoryView
    inspect_view_class = ParticipantInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ParticipantFilterSet
    search_fields = ["code", "given_name", "family_name"]
    list_per_page = 20
    form_fields = [
        "given_name",
        "family_name",
        "preferred_name",
        "phone",
        "email",
        "preferred_language",
        "date_of_birth",
        "municipality",
        "territory",
        "operator",
        "guardian_consent_on",
        "guardian_name",
        "gender",
        "labour_status",
        "education_level",
        "household",
    ]
    list_display = [
        "code",
        "given_name",
        "family_name",
        "territory",
        Column("operator", label=_("Case operator")),
    ]
    list_export = ["code", "territory", "operator", "created_at"]

    def get_form_class(self, for_update=False):
        form = ParticipantForm if for_update else ReferralForm
        return modelform_factory(self.model, form=form, fields=self.form_fields)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("path/<int:pk>/move/<str:action>/", path_move, name="move"),
            path("path/<int:pk>/exit/<str:action>/", path_exit, name="exit"),
            path("path/<int:pk>/assess/", assess, name="assess"),
            path("path/<int:pk>/eligibility/", eligibility, name="eligibility"),
            path("internship-month/<int:pk>/adjust/", adjust_month, name="adjust_month"),
            path("export/<int:pk>/", export, name="export"),
        ]


class SessionViewSet(ModelViewSet):
    model = Session
    icon = "date"
    menu_label = _("Sessions and attendance")
    url_prefix = "participants/sessions"
    name = "participant_sessions"
    index_view_class = SessionIndexView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    copy_view_enabled = False
    form_fields = ["activity", "date", "hours", "place", "operator"]
    list_display = [
        "activity",
        DayColumn("date", label=_("Date"), sort_key="date"),
        "hours",
        "place",
        "operator",
    ]
    list_filter = ["activity__project", "activity__kind"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("register/<int:pk>/", register, name="register"),
            path("register/<int:pk>/lock/", lock, name="lock"),
            path("attendance/<int:pk>/adjust/", adjust, name="adjust"),
        ]


class ActivityViewSet(ModelViewSet):
    model = Activity
    icon = "list-ul"
    menu_label = _("Activities")
    url_prefix = "participants/activities"
    name = "participant_activities"
    form_fields = ["project", "kind", "name", "planned_hours"]
    list_display = ["name", "project", Column("get_kind_display", label=_("Kind")), "planned_hours"]
    list_filter = ["project", "kind"]


class ProjectViewSet(ModelViewSet):
    model = Project
    icon = "folder-open-inverse"
    menu_label = _("Projects")
    url_prefix = "participants/projects"
    name = "projects_admin"
    panels = PROJECT_PANELS
    list_display = ["name", "code", "cup", "funder", "starts_on", "ends_on"]


class ReferringOrganisationViewSet(ModelViewSet):
    model = ReferringOrganisation
    icon = "group"
    menu_label = _("Referring organisations")
    url_prefix = "participants/referrers"
    name = "referrers_admin"
    form_fields = ["name", "kind", "territory", "active"]
    list_display = ["name", Column("get_kind_display", label=_("Kind")), "territory", "active"]


class MunicipalityViewSet(ModelViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Municipalities")
    url_prefix = "participants/municipalities"
    name = "municipalities_admin"
    form_fields = ["name", "province", "istat_code"]
    list_display = ["name", "province", "istat_code"]
    search_fields = ["name"]


class ParticipantsGroup(ModelViewSetGroup):
    menu_label = _("Participants")
    menu_icon = "user"
    menu_order = 240
    items = [
        ParticipantViewSet,
        SessionViewSet,
        TotalsViewSet,
        ActivityViewSet,
        ProjectViewSet,
        ReferringOrganisationViewSet,
        MunicipalityViewSet,
    ]
