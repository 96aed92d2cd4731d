"""The eligibility check of a path: which rules failed, and who attested what, when."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from participants.models import PATH, Attestation, EligibilityCheck
from participants.services.path import lock, record
from projects.eligibility import failures


@dataclass(frozen=True)
class Answer:
    """One attested answer to a project question."""

    answer: bool
    attested_by: str
    attested_on: object  # a date


@transaction.atomic
def check_eligibility(user, path, answers, on=None):
    """Applies the project's rules to the person on day ``on`` and records the outcome.

    ``answers`` maps question ids to Answer. The path moves to "eligible" or "not
    eligible"; the returned EligibilityCheck lists the failed rules with their messages.
    """
    on = on or timezone.localdate()
    locked = lock(user, path)
    person = locked.participant
    referral = locked.referral
    failed = failures(
        locked.project,
        date_of_birth=person.date_of_birth,
        municipality=person.municipality,
        referrer=referral.organisation if referral else None,
        answers={pk: given.answer for pk, given in answers.items()},
        on=on,
    )
    action = "find_not_eligible" if failed else "find_eligible"
    previous, _target = PATH.apply(locked, action)
    locked.save()
    check = EligibilityCheck.objects.create(
        path=locked,
        checked_on=on,
        checked_by=user,
        eligible=not failed,
        failed_rules=[{"code": f.code, "message": str(f.message)} for f in failed],
    )
    questions = {q.pk: q for q in locked.project.questions.all()}
    Attestation.objects.bulk_create(
        Attestation(
            check_record=check,
            question=questions[pk],
            answer=given.answer,
            attested_by=given.attested_by.strip(),
            attested_on=given.attested_on,
        )
        for pk, given in answers.items()
        if pk in questions
    )
    record(user, locked, action, previous, check=check.pk)
    return check
