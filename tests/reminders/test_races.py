"""Two runs of the same reminder job at once send each reminder once (PostgreSQL only).

The first run pauses right after inserting its SentReminder row, before committing; the
second must be seen waiting on that row (the unique constraint), then finds it taken.
"""

from mail.outbox import OutgoingEmail
from reminders import for_companies
from reminders.models import Kind, SentReminder
from tests.factories.companies import CompanyFactory, MembershipFactory
from tests.reminders.helpers import T0, at, days

CLAIM = lambda sql: sql.startswith('INSERT INTO "reminders_sentreminder"')  # noqa: E731


def test_two_runs_at_once_send_the_reminder_once(race):
    with at(T0):
        company = CompanyFactory()
        MembershipFactory(company=company)
    now = days(8)

    first, second = race(
        lambda: for_companies.dossier_idle(now),
        lambda: for_companies.dossier_idle(now),
        holds_lock=CLAIM,
    )

    assert (first.value, second.value) == (1, 0)
    assert SentReminder.objects.filter(kind=Kind.DOSSIER_IDLE).count() == 1
    assert OutgoingEmail.objects.filter(kind=Kind.DOSSIER_IDLE).count() == 1
