"""Statements in the admin: the list by project, month and state, the statement page with
its explanation, its PDF for the person, and the approval moves. Only people in the user's
scope are listed; any other statement answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from allowance import documents, explanation
from allowance.models import STATEMENT, CorrectionReason, State, Statement
from allowance.services import corrections, sending
from allowance.services import statements as moves
from allowance.services.errors import NotPermitted
from companies.backoffice.columns import RowLinkIsTheAction
from companies.backoffice.refusals import ForbiddenNotRedirect, forbidden
from lifecycle import IllegalTransition
from participants.models import ParticipantView

PERMISSION = {"check": "allowance.check_statement", "approve": "allowance.approve_statement"}
PERMISSION["reopen"] = PERMISSION["approve"]


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Statements are made by the computation, never typed in or deleted."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


class StatementIndexView(RowLinkIsTheAction, ForbiddenNotRedirect, generic.IndexView):
    def get_base_queryset(self):
        return moves.visible_statements(self.request.user).select_related(
            "path__participant", "project"
        )


class StatementInspectView(ForbiddenNotRedirect, generic.InspectView):
    template_name = "allowance/backoffice/statement.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            moves.visible_statements(self.request.user).select_related(
                "path__participant", "project", "checked_by", "approved_by"
            ),
            pk=self.kwargs.get("pk"),
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # A statement is a person's data: its page is logged like the person's own page.
        ParticipantView.record(request.user, self.object.path.participant)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["lines"] = explanation.lines(self.object.explanation)
        context["moves"] = [
            move
            for move in STATEMENT.available(self.object)
            if user.has_perm(PERMISSION[move.name])
        ]
        context["corrections"] = self.object.path.allowance_corrections.select_related("carried_by")
        context["can_correct"] = self.object.state == State.APPROVED and user.has_perm(
            corrections.PERMISSION
        )
        context["reasons"] = CorrectionReason.choices
        context["can_send"] = self.object.state == State.APPROVED and user.has_perm(
            sending.PERMISSION
        )
        return context


@require_POST
def move(request, pk, action):
    """check, approve or reopen one statement."""
    statement = get_object_or_404(moves.visible_statements(request.user), pk=pk)
    if action not in PERMISSION:
        raise Http404
    try:
        getattr(moves, action)(request.user, statement)
    except NotPermitted:
        return forbidden()
    except IllegalTransition:
        messages.error(request, _("This statement is no longer in a state that allows it."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Done: %(move)s.") % {"move": STATEMENT[action].label})
    return redirect("allowance_statements:inspect", statement.pk)


@require_POST
def correct(request, pk):
    """A coordinator's correction of an approved month, carried by the next statement."""
    statement = get_object_or_404(moves.visible_statements(request.user), pk=pk)
    try:
        corrections.record_correction(
            request.user,
            statement,
            amount=request.POST.get("amount", ""),
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", "")[:200],
        )
    except NotPermitted:
        return forbidden()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Correction recorded: the next statement carries it."))
    return redirect("allowance_statements:inspect", statement.pk)


@require_POST
def send(request, pk):
    """E-mails the approved statement's PDF to the person."""
    statement = get_object_or_404(moves.visible_statements(request.user), pk=pk)
    try:
        sending.send_to_person(request.user, statement)
    except NotPermitted:
        return forbidden()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The statement is on its way to the person."))
    return redirect("allowance_statements:inspect", statement.pk)


@require_GET
def download_pdf(request, pk):
    """The statement as a PDF in the person's language; every download is in the audit log."""
    statement = get_object_or_404(
        moves.visible_statements(request.user).select_related("path__participant", "project"),
        pk=pk,
    )
    pdf = documents.statement_pdf(statement)
    ParticipantView.record(request.user, statement.path.participant)
    log(
        statement,
        "approdo.allowance.pdf",
        user=request.user,
        data={"language": documents.language_of(statement)},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{documents.filename(statement)}"'
    response["Cache-Control"] = "private, no-store"
    return response


class StatementViewSet(ModelViewSet):
    model = Statement
    icon = "doc-full"
    menu_label = gettext_lazy("Statements")
    url_prefix = "allowance/statements"
    name = "allowance_statements"
    index_view_class = StatementIndexView
    inspect_view_class = StatementInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["state"]
    # The title (code and month) links to the statement page.
    list_display = [
        "__str__",
        "project",
        Column("get_state_display", label=gettext_lazy("State")),
        "amount",
    ]
    list_filter = ["project", "state", "month"]
    list_per_page = 50

    def get_urlpatterns(self):
        from django.urls import path

        return [
            *super().get_urlpatterns(),
            path("<int:pk>/pdf/", download_pdf, name="pdf"),
            path("<int:pk>/send/", send, name="send"),
            path("<int:pk>/correct/", correct, name="correct"),
            path("<int:pk>/<str:action>/", move, name="move"),
        ]
