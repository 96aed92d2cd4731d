"""The monitoring record follows the person: erased on anonymisation, never exported."""

from monitoring.models import MonitoringRead, MonitoringRecord


def erase(sender, participant, **kwargs):
    """Connected to participants.privacy.anonymised: inside its transaction."""
    MonitoringRecord.objects.filter(participant=participant).delete()
    MonitoringRead.objects.filter(participant=participant).delete()


def export_section(person):
    """What the person's data export says about monitoring: whether answers exist and the
    consent, never the answers (they are read, logged, only on their own screen)."""
    item = MonitoringRecord.objects.filter(participant=person).first()
    if item is None:
        return None
    return (
        "esf_monitoring",
        {
            "consent_given_on": item.consent_given_on,
            "answers_held_encrypted": bool(item.answers),
        },
    )
