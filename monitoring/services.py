"""One function per action on a monitoring record: record with consent, read, withdraw."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from monitoring.models import MonitoringRead, MonitoringRecord
from monitoring.permissions import can_read_answers
from participants.models import Participant


class NotPermitted(Exception):
    """The user may not touch monitoring answers: views answer 404."""


def _check(user):
    if not can_read_answers(user):
        raise NotPermitted


def read(user, participant):
    """The person's record (or None), logging that ``user`` opened it."""
    _check(user)
    MonitoringRead.objects.create(participant=participant, user=user, viewer=user.get_username())
    return MonitoringRecord.objects.filter(participant=participant).first()


@transaction.atomic
def record(user, participant, *, consent_given_on, answers):
    """Stores the answers, only with the consent recorded; logs who and when."""
    _check(user)
    if consent_given_on is None:
        raise ValidationError(_("Record the person's consent before recording any answer."))
    if consent_given_on > timezone.localdate():
        raise ValidationError(_("The consent cannot be dated in the future."))
    Participant.objects.select_for_update().get(pk=participant.pk)
    found = MonitoringRecord.objects.filter(participant=participant).first()
    item = found or MonitoringRecord(participant=participant)
    if found is None or item.consent_given_on != consent_given_on:
        item.consent_recorded_by = user
        item.consent_recorded_by_name = user.get_username()
        item.consent_recorded_at = timezone.now()
    item.consent_given_on = consent_given_on
    item.set_answers(answers)
    item.save()
    log(item, "approdo.monitoring.record", user=user)
    return item


@transaction.atomic
def withdraw_consent(user, participant):
    """The person withdrew consent: the answers go, the fact of the withdrawal is logged."""
    _check(user)
    Participant.objects.select_for_update().get(pk=participant.pk)
    item = MonitoringRecord.objects.filter(participant=participant).first()
    if item is None:
        return False
    log(item, "approdo.monitoring.withdraw", user=user)
    item.delete()
    return True
