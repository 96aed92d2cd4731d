"""The Monitoring group's screens: open a person by code, read (logged) and record answers.

Anyone else gets a 404 on every one of them, the same answer as a person who does not exist.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from monitoring import services
from monitoring.forms import FindForm, RecordForm
from monitoring.models import QUESTIONS
from monitoring.permissions import can_read_answers
from participants.models import Participant


def _require(request):
    if not can_read_answers(request.user):
        raise Http404


@never_cache
def find(request):
    _require(request)
    form = FindForm(request.GET or None)
    if form.is_valid():
        person = Participant.objects.filter(code=form.cleaned_data["code"]).first()
        if person is not None:
            return redirect("monitoring_record", person.pk)
        form.add_error("code", _("No participant has this code."))
    return TemplateResponse(request, "monitoring/find.html", {"form": form})


@never_cache
def record(request, pk):
    _require(request)
    person = get_object_or_404(Participant, pk=pk, anonymised_at__isnull=True)
    if request.method == "POST":
        form = RecordForm(request.POST)
        if form.is_valid():
            try:
                services.record(
                    request.user,
                    person,
                    consent_given_on=form.cleaned_data["consent_given_on"],
                    answers=form.answers(),
                )
            except ValidationError as error:
                form.add_error("consent_given_on", error)
            else:
                messages.success(request, _("Monitoring answers recorded."))
                return redirect("monitoring_record", person.pk)
        item = None
    else:
        item = services.read(request.user, person)
        initial = {}
        if item is not None:
            initial = {"consent": True, "consent_given_on": item.consent_given_on}
            initial.update(item.answer_map())
        form = RecordForm(initial=initial)
    answers = item.answer_map() if item is not None else {}
    return TemplateResponse(
        request,
        "monitoring/record.html",
        {
            "person": person,
            "item": item,
            "form": form,
            "questions": [(question, answers.get(code)) for code, question in QUESTIONS],
        },
    )


@require_POST
def withdraw(request, pk):
    _require(request)
    person = get_object_or_404(Participant, pk=pk)
    if services.withdraw_consent(request.user, person):
        messages.success(request, _("Consent withdrawn: the answers were deleted."))
    return redirect("monitoring_record", person.pk)
