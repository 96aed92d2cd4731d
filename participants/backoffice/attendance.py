"""The attendance register of a session: every enrolled person in one screen, saved in one
request with a fixed number of queries (participants.services.attendance does the work).

The grid is a table of radio groups (present / absent / justified) and an hours field per
person: Tab moves from person to person, the arrow keys choose within a group.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic

from companies.backoffice.columns import RowLinkIsTheAction
from companies.backoffice.refusals import ForbiddenNotRedirect, forbidden
from participants.models import Attendance, Participant, Presence, Session
from participants.services import attendance
from participants.services.errors import MonthLocked, NotEnrolled, NotPermitted


def sessions_for(user):
    """Sessions of activities in which the user can see at least one enrolled person,
    or that the user runs."""
    if user.is_superuser:
        return Session.objects.all()
    people = Participant.objects.visible_to_staff(user)
    return Session.objects.filter(
        Q(operator=user) | Q(activity__enrolments__path__participant__in=people)
    ).distinct()


class SessionIndexView(RowLinkIsTheAction, ForbiddenNotRedirect, generic.IndexView):
    def get_base_queryset(self):
        return sessions_for(self.request.user).select_related("activity__project", "operator")


class ScopedSessionMixin(ForbiddenNotRedirect):
    def get_object(self, queryset=None):
        return get_object_or_404(sessions_for(self.request.user), pk=self.kwargs.get("pk"))


class SessionEditView(ScopedSessionMixin, generic.EditView):
    pass


class SessionDeleteView(ScopedSessionMixin, generic.DeleteView):
    pass


@require_POST
def lock(request, pk):
    """Locks the month of the session's date for its project."""
    session = get_object_or_404(sessions_for(request.user).select_related("activity"), pk=pk)
    try:
        attendance.lock_month(request.user, session.activity.project, session.date)
    except NotPermitted:
        return forbidden()
    messages.success(request, _("Month locked: attendance now changes only by adjustments."))
    return redirect("participant_sessions:register", session.pk)


class AdjustmentForm(forms.Form):
    presence = forms.ChoiceField(label=gettext_lazy("Presence"), choices=Presence.choices)
    hours = forms.DecimalField(label=gettext_lazy("Hours"), min_value=0, required=False)
    reason = forms.CharField(label=gettext_lazy("Why it is corrected"), max_length=300)


def adjust(request, pk):
    """Corrects one person's attendance of a locked month, with a reason."""
    people = Participant.objects.visible_to_staff(request.user)
    recorded = get_object_or_404(
        Attendance.objects.select_related("session__activity", "path__participant"),
        pk=pk,
        path__participant__in=people,
    )
    form = AdjustmentForm(
        request.POST or None, initial={"presence": recorded.presence, "hours": recorded.hours}
    )
    if request.method == "POST" and form.is_valid():
        try:
            attendance.adjust(request.user, recorded, **form.cleaned_data)
        except NotPermitted:
            return forbidden()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Attendance corrected."))
            return redirect("participant_sessions:register", recorded.session_id)
    return TemplateResponse(
        request,
        "participants/backoffice/path_form.html",
        {
            "path": recorded.path,
            "form": form,
            "title": _("Correct attendance"),
            "header_title": str(recorded.session),
            "back": reverse("participant_sessions:register", args=[recorded.session_id]),
        },
    )


def _rows_from_post(post, rows):
    given = {}
    for path, _recorded in rows:
        presence = post.get(f"presence-{path.pk}")
        if presence:
            given[path.pk] = (presence, post.get(f"hours-{path.pk}", ""))
    return given


def register(request, pk):
    """GET shows the grid; POST saves it whole or not at all."""
    session = get_object_or_404(
        sessions_for(request.user).select_related("activity__project"), pk=pk
    )
    rows = attendance.register_rows(request.user, session)
    errors = {}
    if request.method == "POST":
        try:
            count = attendance.save_register(
                request.user, session, _rows_from_post(request.POST, rows)
            )
        except NotPermitted:
            return forbidden()
        except MonthLocked:
            messages.error(
                request, _("This month is locked: correct attendance with an adjustment.")
            )
        except NotEnrolled:
            messages.error(request, _("Someone in the register is not enrolled in this activity."))
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {}
            messages.error(request, _("Nothing was saved: correct the rows marked below."))
        else:
            messages.success(request, _("Register saved (%(count)d changes).") % {"count": count})
            return redirect("participant_sessions:register", session.pk)
    grid = [
        {
            "path": path,
            "recorded": recorded,
            "presence": request.POST.get(f"presence-{path.pk}")
            or (recorded.presence if recorded else ""),
            "hours": request.POST.get(f"hours-{path.pk}") or (recorded.hours if recorded else ""),
            "errors": errors.get(str(path.pk)) or errors.get(path.pk),
        }
        for path, recorded in rows
    ]
    return TemplateResponse(
        request,
        "participants/backoffice/register.html",
        {
            "session": session,
            "grid": grid,
            "choices": Presence.choices,
            "locked": attendance.is_locked(session),
            "can_lock": request.user.has_perm("participants.add_monthlock"),
            "can_adjust": request.user.has_perm("participants.add_attendanceadjustment"),
            "header_title": str(session),
        },
    )
