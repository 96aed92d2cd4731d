"""A project's eligibility rules applied to one person's facts: which rules fail, and why.

Pure: it reads the project's rules and the facts it is given, stores nothing. The service
that records a check (participants.services.eligibility) stores the outcome and who
attested the answers.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Failure:
    """A rule a person does not meet: a stable code for storage and a message for people."""

    code: str
    message: str


def age_on(date_of_birth, day):
    """Completed years on ``day``."""
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def failures(project, *, date_of_birth, municipality, referrer, answers, on):
    """The rules of ``project`` a person does not meet on day ``on``.

    ``answers`` maps each of the project's question ids to True/False; a question left
    unanswered fails, because eligibility is what somebody attested, not what nobody said.
    """
    found = []
    if project.min_age is not None or project.max_age is not None:
        if date_of_birth is None:
            found.append(Failure("age", _("The date of birth is needed for the age rule.")))
        else:
            age = age_on(date_of_birth, on)
            if project.min_age is not None and age < project.min_age:
                found.append(Failure("age", _("Younger than %(age)d.") % {"age": project.min_age}))
            if project.max_age is not None and age > project.max_age:
                found.append(Failure("age", _("Older than %(age)d.") % {"age": project.max_age}))
    places = {m.pk for m in project.municipalities.all()}
    if places and (municipality is None or municipality.pk not in places):
        found.append(
            Failure("municipality", _("Does not live in one of the project's municipalities."))
        )
    referrers = {r.pk for r in project.authorised_referrers.all()}
    if referrers and (referrer is None or referrer.pk not in referrers):
        found.append(Failure("referrer", _("Not referred by an organisation the project accepts.")))
    for question in project.questions.all():
        answer = answers.get(question.pk)
        if answer is None:
            found.append(
                Failure(
                    f"question:{question.pk}",
                    _("Not answered: %(question)s") % {"question": question.text},
                )
            )
        elif answer == question.excludes_when:
            found.append(
                Failure(
                    f"question:{question.pk}",
                    _("Excluded by: %(question)s") % {"question": question.text},
                )
            )
    return found
