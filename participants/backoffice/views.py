"""Participants' screens: the scoped list, the person's page as a timeline (every opening
logged), and the path's moves. Objects outside the user's scope answer 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView

from companies.backoffice.columns import RowLinkIsTheAction
from companies.backoffice.refusals import ForbiddenNotRedirect, forbidden
from companies.models import InternCardView, Placement
from lifecycle import IllegalTransition
from participants.backoffice.forms import ExitForm, FollowUpForm
from participants.backoffice.internship import months_for
from participants.models import (
    PATH,
    EligibilityCheck,
    Participant,
    ParticipantView,
    Path,
    PathEvent,
)
from participants.services import path as moves
from participants.services.attendance import hours_by_activity
from participants.services.errors import NotPermitted

# Moves taken with one button; the others need a form (assessment, eligibility, exit).
ONE_CLICK = {"contact": moves.record_contact, "enrol": moves.enrol, "start": moves.start}
WITH_FORM = {"complete", "withdraw", "follow_up"}


def visible(request):
    return Participant.objects.visible_to_staff(request.user)


class ScopedObjectMixin(ForbiddenNotRedirect):
    def get_object(self, queryset=None):
        return get_object_or_404(visible(self.request), pk=self.kwargs.get("pk"))


class ParticipantIndexView(RowLinkIsTheAction, ForbiddenNotRedirect, generic.IndexView):
    def get_base_queryset(self):
        return visible(self.request).select_related("territory", "operator")


class ReferView(ForbiddenNotRedirect, generic.CreateView):
    """A new person enters through a referral to a project (participants.services.path)."""

    def save_instance(self):
        data = self.form.cleaned_data
        path = moves.refer(
            self.request.user,
            self.form.instance,
            project=data["project"],
            organisation=data["organisation"],
            referred_on=data["referred_on"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
        )
        return path.participant

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except NotPermitted:
            return forbidden()
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)

    def get_success_url(self):
        return reverse("participants_admin:inspect", args=[self.object.pk])


class ParticipantEditView(ScopedObjectMixin, generic.EditView):
    pass


class ParticipantHistoryView(ScopedObjectMixin, HistoryView):
    pass


def log_view(user, participant):
    ParticipantView.record(user, participant)


class ParticipantInspectView(ScopedObjectMixin, generic.InspectView):
    """The person's page: record, each path as a timeline with its moves, plan and hours,
    eligibility checks, and who opened this page."""

    template_name = "participants/backoffice/participant.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log_view(request.user, self.object)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        paths = list(person.paths.select_related("project", "referral__organisation", "plan"))
        events = {}
        for event in PathEvent.objects.filter(path__participant=person).select_related("actor"):
            events.setdefault(event.path_id, []).append(event)
        checks = {}
        for check in EligibilityCheck.objects.filter(path__participant=person).prefetch_related(
            "attestations__question"
        ):
            checks.setdefault(check.path_id, []).append(check)
        may_move = self.request.user.has_perm("participants.manage_path")
        context["paths"] = [
            {
                "path": path,
                "events": events.get(path.pk, []),
                "checks": checks.get(path.pk, []),
                "hours": hours_by_activity(path),
                "moves": [t for t in PATH.available(path) if may_move],
                "one_click": ONE_CLICK,
            }
            for path in paths
        ]
        placements = list(person.placements.select_related("company", "site"))
        context["placements"] = placements
        context["manageable_placements"] = set(
            Placement.objects.manageable_by(self.request.user)
            .filter(participant=person)
            .values_list("pk", flat=True)
        )
        # Who at the host companies opened the person's intern card (companies never see it).
        context["card_views"] = (
            InternCardView.objects.filter(placement__participant=person)
            .select_related("user", "placement__company")
            .order_by("-viewed_at")[:200]
            if placements
            else []
        )
        context["internship_months"] = months_for(person)
        context["may_adjust_months"] = self.request.user.has_perm(
            "participants.add_internshipadjustment"
        )
        context["may_export"] = self.request.user.has_perm("participants.export_participant")
        context["views"] = person.views.select_related("user")[:100]
        context["is_minor"] = person.is_minor()
        return context


def _path_for(request, pk):
    return get_object_or_404(
        Path.objects.select_related("participant", "project"),
        pk=pk,
        participant__in=visible(request),
    )


@require_POST
def path_move(request, pk, action):
    """One-click moves (contact, enrol, start)."""
    path = _path_for(request, pk)
    if action not in ONE_CLICK:
        raise Http404
    try:
        ONE_CLICK[action](request.user, path)
        messages.success(request, _("Done: %(move)s.") % {"move": PATH[action].label})
    except NotPermitted:
        return forbidden()
    except IllegalTransition:
        messages.error(request, _("This move is not possible at the path's current stage."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("participants_admin:inspect", path.participant_id)


def path_exit(request, pk, action):
    """Complete, withdraw or record the follow-up, with the form each needs."""
    path = _path_for(request, pk)
    if action not in WITH_FORM:
        raise Http404
    form_class = FollowUpForm if action == "follow_up" else ExitForm
    form = form_class(request.POST or None, initial={"exited_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if action == "follow_up":
                moves.record_follow_up(
                    request.user, path, outcome=data["outcome"], contract_type=data["contract_type"]
                )
            elif action == "complete":
                moves.complete(
                    request.user,
                    path,
                    outcome=data["outcome"],
                    contract_type=data["contract_type"],
                    exited_on=data["exited_on"],
                )
            else:
                moves.withdraw(
                    request.user,
                    path,
                    reason=data["reason"],
                    outcome=data["outcome"],
                    contract_type=data["contract_type"],
                    exited_on=data["exited_on"],
                )
        except NotPermitted:
            return forbidden()
        except IllegalTransition:
            form.add_error(None, _("This move is not possible at the path's current stage."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Done: %(move)s.") % {"move": PATH[action].label})
            return redirect("participants_admin:inspect", path.participant_id)
    return TemplateResponse(
        request,
        "participants/backoffice/path_form.html",
        {
            "path": path,
            "form": form,
            "title": PATH[action].label,
            "back": reverse("participants_admin:inspect", args=[path.participant_id]),
        },
    )
