"""Back office for placements: staff propose them from an approved company's page, correct
their details, move them through the lifecycle and record whether the intern was hired.

Every change goes through companies.services.placements, which checks who acts, locks the
rows, writes the audit log and sends the e-mails.
"""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView

from companies.backoffice.columns import RowLinkIsTheAction
from companies.backoffice.refusals import ForbiddenNotRedirect, forbidden
from companies.models import (
    PLACEMENT,
    Company,
    CompanyStatus,
    Placement,
    PlacementStatus,
)
from companies.models.placement import BY_COMPANY, default_end, people
from companies.services import placements
from companies.services.errors import IllegalTransition
from companies.services.placements import EDITABLE, ENDED

# Moves offered as buttons on the placement's page; withdrawing has its own confirmation page.
STAFF_ACTIONS = [
    move.name for move in PLACEMENT if move.name not in BY_COMPANY and move.name != "withdraw"
]
ACTION_LABELS = {
    "start": gettext_lazy("Start the placement"),
    "suspend": gettext_lazy("Suspend"),
    "resume": gettext_lazy("Resume"),
    "extend": gettext_lazy("Extend"),
    "complete": gettext_lazy("Mark as completed"),
    "terminate": gettext_lazy("End early"),
}


def tutors():
    """Active members of the Tutors group: who may follow a placement for the project."""
    return get_user_model().objects.filter(groups__name="Tutors", is_active=True).distinct()


class PlacementForm(WagtailAdminModelForm):
    """Choices limited to the company's own sites and positions, the people the user may
    see and the project's tutors."""

    override_capacity = forms.BooleanField(
        label=gettext_lazy("Place beyond the company's capacity"),
        required=False,
        help_text=gettext_lazy(
            "Only for the exceptions the project rules allow; it is recorded in the history."
        ),
    )

    # When the edited placement was loaded: a save over someone else's newer change is refused.
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.updated_at.isoformat()
        else:
            del self.fields["loaded_version"]
        company = self.instance.company
        self.fields["site"].queryset = company.sites.all()
        self.fields["position"].queryset = company.positions.all()
        self.fields["project_tutor"].queryset = tutors()
        self.fields["project_tutor"].required = True
        if "participant" in self.fields:
            field = self.fields["participant"]
            field.queryset = people().objects.visible_to_staff(for_user).filter(anonymised_at=None)
            # Only people the user may see are offered: their names help choose the right one
            # (a person's own string is the code, for logs and lists).
            field.label_from_instance = lambda person: (
                f"{person.given_name} {person.family_name} ({person.code})"
            )
        if self.instance.pk or not (for_user and for_user.has_perm("companies.override_capacity")):
            del self.fields["override_capacity"]


class PlacementIndexView(RowLinkIsTheAction, ForbiddenNotRedirect, generic.IndexView):
    def get_base_queryset(self):
        return Placement.objects.manageable_by(self.request.user).select_related(
            "participant", "company", "site", "project_tutor"
        )


class ScopedPlacementMixin(ForbiddenNotRedirect):
    def get_object(self, queryset=None):
        pk = self.kwargs.get("pk") or getattr(self, "pk", None)
        return get_object_or_404(
            Placement.objects.manageable_by(self.request.user).select_related(
                "company", "participant"
            ),
            pk=pk,
        )


def _an_id(value):
    """``value`` from a query string as a database id, or None (a mangled link is no 500)."""
    if value and value.isascii() and value.isdigit() and 0 < int(value) < 2**31:
        return int(value)
    return None


def _capacity_message(error, company):
    return _(
        "%(company)s already has %(occupied)d of its %(capacity)d places taken by proposed, "
        "accepted, active or suspended placements."
    ) % {"company": company, "occupied": error.occupied, "capacity": error.capacity}


class RefuseMixin:
    def refuse(self, form):
        """The form again, with the errors a service added after the form's own checks."""
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)


class PlacementCreateView(RefuseMixin, ForbiddenNotRedirect, generic.CreateView):
    """Proposes a placement to the company named in ``?company=`` (approved, in the user's
    territories); without one, lists the companies that can receive a proposal."""

    def dispatch(self, request, *args, **kwargs):
        companies = Company.objects.reviewable_by(request.user).filter(
            status=CompanyStatus.APPROVED
        )
        if not request.user.has_perm("companies.manage_placement"):
            return forbidden()
        if not _an_id(request.GET.get("company")):
            return TemplateResponse(
                request,
                "companies/backoffice/placement_company_choice.html",
                {
                    "companies": companies.select_related("territory").order_by("legal_name"),
                    "page_title": _("Propose a placement"),
                    "header_icon": "user",
                },
            )
        self.company = get_object_or_404(companies, pk=request.GET["company"])
        return super().dispatch(request, *args, **kwargs)

    def get_add_url(self):
        return f"{reverse(self.add_url_name)}?company={self.company.pk}"

    def get_page_subtitle(self):
        return str(self.company)

    def get_initial_form_instance(self):
        return Placement(company=self.company)

    def get_initial(self):
        position_id = _an_id(self.request.GET.get("position"))
        position = self.company.positions.filter(pk=position_id).first() if position_id else None
        soon = timezone.localdate() + datetime.timedelta(days=14)
        starts = max(position.starts_on if position else soon, soon)
        try:
            ends = default_end(starts)
        except OverflowError:  # a position dated at the end of the calendar
            starts, ends = soon, default_end(soon)
        initial = {
            "starts_on": starts,
            "ends_on": ends,
            "monthly_allowance": placements.default_allowance(),
        }
        if tutors().filter(pk=self.request.user.pk).exists():
            initial["project_tutor"] = self.request.user
        if position is not None:
            initial.update(
                position=position,
                site=position.site_id,
                weekly_hours=position.weekly_hours,
                schedule=position.schedule,
            )
        return initial

    def form_valid(self, form):
        self.form = form
        try:
            self.object = placements.propose(
                self.request.user,
                form.instance,
                override_capacity=form.cleaned_data.get("override_capacity", False),
            )
        except placements.NotPermitted:
            return forbidden()
        except placements.CapacityExceeded as error:
            form.add_error(None, _capacity_message(error, self.company))
            return self.refuse(form)
        except placements.CompanyNotApproved:
            form.add_error(None, _("Only approved companies receive placements."))
            return self.refuse(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.refuse(form)
        messages.success(
            self.request,
            _("Placement proposed to %(company)s: its members have been told.")
            % {"company": self.company},
        )
        return redirect("placements_admin:inspect", self.object.pk)


class PlacementEditView(RefuseMixin, ScopedPlacementMixin, generic.EditView):
    """Corrections to a placement that has not ended; the lifecycle has its own buttons."""

    def form_valid(self, form):
        self.form = form
        try:
            self.object = placements.update_details(
                self.request.user, form.instance, loaded=form.cleaned_data["loaded_version"]
            )
        except placements.NotPermitted:
            return forbidden()
        except placements.ChangedMeanwhile:
            messages.error(
                self.request,
                _(
                    "Someone changed this placement while you were editing it: nothing was "
                    "saved. Here it is as it is now."
                ),
            )
            return redirect("placements_admin:edit", self.object.pk)
        except placements.NotEnded:
            messages.error(self.request, _("An ended placement can no longer be changed."))
            return redirect("placements_admin:inspect", self.object.pk)
        except ValidationError as error:
            form.add_error(None, error)
            return self.refuse(form)
        messages.success(self.request, _("Placement updated."))
        return redirect("placements_admin:inspect", self.object.pk)


class PlacementHistoryView(ScopedPlacementMixin, HistoryView):
    pass


class PlacementUsageView(ScopedPlacementMixin, UsageView):
    pass


class PlacementInspectView(ScopedPlacementMixin, generic.InspectView):
    """The placement, its history, the moves its status allows and the hiring outcome."""

    template_name = "companies/backoffice/placement.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        placement = self.object
        context.update(
            placement=placement,
            events=placement.events.select_related("actor"),
            card_views=placement.card_views.order_by("-viewed_at")[:50],
            actions=[
                {"name": name, "label": ACTION_LABELS[name]}
                for name in STAFF_ACTIONS
                if PLACEMENT.can(placement, name)
            ],
            ended=placement.status in ENDED,
            missing_documents=(
                placements.missing_for_start(placement)
                if placement.status == PlacementStatus.ACCEPTED
                else []
            ),
            editable=placement.status not in ENDED,
            can_withdraw=PLACEMENT.can(placement, "withdraw"),
            can_see_participant=(
                people()
                .objects.visible_to_staff(self.request.user)
                .filter(pk=placement.participant_id)
                .exists()
            ),
        )
        return context


def _missing_message(kinds):
    return _(
        "The placement starts once the company's documents are accepted; still missing: "
        "%(documents)s."
    ) % {"documents": ", ".join(str(kind.name) for kind in kinds)}


class MoveForm(forms.Form):
    action = forms.ChoiceField(choices=[(name, name) for name in STAFF_ACTIONS])
    reason = forms.CharField(required=False, max_length=4000)
    ends_on = forms.DateField(required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "terminate" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Write why the placement ends early."))
        if cleaned.get("action") == "extend" and not cleaned.get("ends_on"):
            self.add_error("ends_on", _("Choose the new end date."))
        return cleaned


@require_POST
def move(request, pk):
    """Applies one lifecycle move; a stale one (status already changed) is explained."""
    placement = get_object_or_404(Placement.objects.manageable_by(request.user), pk=pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("placements_admin:inspect", pk)
    action = form.cleaned_data["action"]
    try:
        placements.staff_move(
            request.user,
            placement,
            action,
            form.cleaned_data["reason"],
            ends_on=form.cleaned_data["ends_on"],
        )
    except placements.NotPermitted:
        return forbidden()
    except placements.DocumentsMissing as missing:
        messages.error(request, _missing_message(missing.kinds))
    except IllegalTransition:
        placement.refresh_from_db()
        messages.error(
            request,
            _("The placement is now “%(status)s”: that step is no longer possible.")
            % {"status": placement.get_status_display()},
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        placement.refresh_from_db()
        messages.success(
            request,
            _("Done: the placement is now “%(status)s”.")
            % {"status": placement.get_status_display()},
        )
    return redirect("placements_admin:inspect", pk)


@require_POST
def outcome(request, pk):
    """Records whether the intern was hired after the placement (yes, no, not known)."""
    placement = get_object_or_404(Placement.objects.manageable_by(request.user), pk=pk)
    hired = {"yes": True, "no": False, "unknown": None}.get(request.POST.get("hired", ""), "")
    if hired == "":
        messages.error(request, _("Choose yes, no or not known yet."))
        return redirect("placements_admin:inspect", pk)
    try:
        placements.record_outcome(request.user, placement, hired)
    except placements.NotPermitted:
        return forbidden()
    except placements.NotEnded:
        messages.error(request, _("The outcome is recorded once the placement has ended."))
    else:
        messages.success(request, _("Outcome recorded."))
    return redirect("placements_admin:inspect", pk)


EDIT_FIELDS = [*EDITABLE[:2], "starts_on", "ends_on", *EDITABLE[2:]]
CREATE_FIELDS = ["participant", *EDIT_FIELDS]
