"""The two moves that need more than a button: the équipe's assessment with the plan, and
the eligibility check with its attested answers."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from companies.backoffice.refusals import forbidden
from lifecycle import IllegalTransition
from participants.backoffice.views import _path_for
from participants.services.assessment import record_assessment
from participants.services.eligibility import Answer, check_eligibility
from participants.services.errors import NotPermitted

DATE = forms.DateInput(attrs={"type": "date"})


class AssessmentForm(forms.Form):
    assessed_on = forms.DateField(label=gettext_lazy("Assessed on"), widget=DATE)
    members = forms.CharField(
        label=gettext_lazy("Équipe members"),
        max_length=500,
        help_text=gettext_lazy("Who took part, with their service."),
    )
    goals = forms.CharField(
        label=gettext_lazy("Goals"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What the plan aims for. Never write a diagnosis here."),
    )

    def __init__(self, *args, activities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.activities = list(activities)
        for activity in self.activities:
            self.fields[f"hours_{activity.pk}"] = forms.DecimalField(
                label=_("Planned hours: %(activity)s") % {"activity": activity.name},
                min_value=0,
                max_digits=6,
                decimal_places=1,
                required=False,
            )

    def planned(self):
        return [
            (activity, self.cleaned_data[f"hours_{activity.pk}"])
            for activity in self.activities
            if self.cleaned_data.get(f"hours_{activity.pk}") is not None
        ]


class EligibilityForm(forms.Form):
    """One yes/no answer per project question, each with who attests it and when."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"answer_{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=[("yes", _("Yes")), ("no", _("No"))],
                coerce=lambda value: value == "yes",
                widget=forms.RadioSelect,
            )
            self.fields[f"by_{question.pk}"] = forms.CharField(
                label=_("Attested by (%(question)s)") % {"question": question.text},
                max_length=160,
            )
            self.fields[f"on_{question.pk}"] = forms.DateField(
                label=_("Attested on (%(question)s)") % {"question": question.text},
                widget=DATE,
                initial=timezone.localdate,
            )

    def answers(self):
        data = self.cleaned_data
        return {
            q.pk: Answer(data[f"answer_{q.pk}"], data[f"by_{q.pk}"], data[f"on_{q.pk}"])
            for q in self.questions
        }


def _act(request, path, form, title, act):
    if request.method == "POST" and form.is_valid():
        try:
            result = act()
        except NotPermitted:
            return forbidden()
        except IllegalTransition:
            form.add_error(None, _("This move is not possible at the path's current stage."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if result is not None:
                messages.success(request, result)
            return redirect("participants_admin:inspect", path.participant_id)
    return TemplateResponse(
        request,
        "participants/backoffice/path_form.html",
        {
            "path": path,
            "form": form,
            "title": title,
            "back": reverse("participants_admin:inspect", args=[path.participant_id]),
        },
    )


def assess(request, pk):
    path = _path_for(request, pk)
    form = AssessmentForm(
        request.POST or None,
        activities=path.project.activities.order_by("name"),
        initial={"assessed_on": timezone.localdate()},
    )

    def act():
        record_assessment(
            request.user,
            path,
            assessed_on=form.cleaned_data["assessed_on"],
            members=form.cleaned_data["members"],
            goals=form.cleaned_data["goals"],
            planned=form.planned(),
        )
        return _("Assessment and plan recorded.")

    return _act(request, path, form, _("Record the assessment"), act)


def eligibility(request, pk):
    path = _path_for(request, pk)
    form = EligibilityForm(request.POST or None, questions=path.project.questions.all())

    def act():
        check = check_eligibility(request.user, path, form.answers())
        if check.eligible:
            return _("Eligible: every rule is met.")
        return _("Not eligible: %(rules)s") % {
            "rules": "; ".join(rule["message"] for rule in check.failed_rules)
        }

    return _act(request, path, form, _("Check eligibility"), act)
