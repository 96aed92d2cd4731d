"""Filters of the participants list: stage, project, territory, case operator."""

import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from companies.models import Territory
from participants.models import Participant, Stage
from projects.models import Project


def territories(request):
    if request is None:
        return Territory.objects.none()
    if request.user.is_superuser:
        return Territory.objects.all()
    return Territory.objects.filter(moderators=request.user)


def operators(request):
    return get_user_model().objects.filter(caseload__isnull=False).distinct().order_by("email")


class ParticipantFilterSet(WagtailFilterSet):
    stage = django_filters.ChoiceFilter(
        label=_("Stage"), choices=Stage.choices, field_name="paths__stage", distinct=True
    )
    project = django_filters.ModelChoiceFilter(
        label=_("Project"),
        queryset=Project.objects.all(),
        field_name="paths__project",
        distinct=True,
    )
    territory = django_filters.ModelChoiceFilter(label=_("Territory"), queryset=territories)
    operator = django_filters.ModelChoiceFilter(label=_("Case operator"), queryset=operators)

    class Meta:
        model = Participant
        fields = ["stage", "project", "territory", "operator"]
