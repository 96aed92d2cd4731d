"""The delays of the reminders, one dict per deployment.

``APPRODO_REMINDERS`` in settings overrides any of DEFAULTS (days unless said otherwise);
a deployment that wants another delay changes one number, not the code (in production from
the environment: ``APPRODO_REMINDERS="dossier_idle_days=10,digest_weekday=0"``).
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULTS = {
    # Company reminders.
    "dossier_idle_days": 7,  # a draft nobody touched for this long
    "changes_unanswered_days": 7,  # changes requested, dossier not sent again
    "documents_missing_days": 7,  # after approval, a required document still missing
    "agreement_valid_days": 365,  # an accepted agreement's validity, from its acceptance
    "agreement_notice_days": 30,  # how long before its end the company is told
    "attendance_working_day": 1,  # from the Nth working day of a month, last month is asked
    # Staff reminders.
    "queue_waiting_days": 5,  # a dossier or document waiting for review this long
    "statements_waiting_days": 3,  # a checked statement waiting for approval this long
    "follow_up_overdue_days": 7,  # a follow-up this far past its due date
    "digest_weekday": 0,  # the weekly digest goes out from this weekday (0 = Monday)
}


def delay(name):
    """The deployment's value for ``name`` (see DEFAULTS)."""
    overrides = getattr(settings, "APPRODO_REMINDERS", {})
    unknown = set(overrides) - set(DEFAULTS)
    if unknown:
        # A misspelt name would otherwise leave the default in force without a word.
        raise ImproperlyConfigured(
            f"APPRODO_REMINDERS has unknown names: {', '.join(sorted(unknown))}; "
            f"known: {', '.join(DEFAULTS)}"
        )
    return {**DEFAULTS, **overrides}[name]
