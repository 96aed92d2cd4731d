"""Two runs or two approvers at once: the month lock's row and the statement's row make the
second wait, so nothing is created twice and a statement is approved once."""

from allowance.models import State, Statement
from allowance.services import statements as service
from allowance.services.errors import IllegalTransition
from participants.models import MonthLock
from tests.allowance.helpers import NOV, november, operator_and_coordinator
from tests.factories.companies import TerritoryFactory
from tests.factories.users import staff_in_group
from tests.race import lock_on


def test_two_runs_of_a_month_at_once_create_each_statement_once(race):
    project, _paths, _sessions = november(3)
    # Without the post_save signal, which would compute the month at once (autocommit here).
    MonthLock.objects.bulk_create([MonthLock(project=project, month=NOV)])
    first, second = race(
        lambda: service.compute_month(project, NOV),
        lambda: service.compute_month(project, NOV),
        holds_lock=lock_on("participants_monthlock"),
    )
    assert (first.value, second.value) == ((3, 0, 0), (0, 0, 0)), (first, second)
    assert Statement.objects.count() == 3


def test_two_coordinators_approving_at_once_approve_once(race):
    territory = TerritoryFactory()
    project, (path,), _sessions = november(1, territory)
    operator, coordinator = operator_and_coordinator(territory)
    other = staff_in_group("Allowance coordinators")
    territory.moderators.add(other)
    MonthLock.objects.create(project=project, month=NOV)
    service.compute_month(project, NOV)
    statement = service.check(operator, Statement.objects.get(path=path))
    approved, refused = race(
        lambda: service.approve(coordinator, statement),
        lambda: service.approve(other, statement),
        expected=(IllegalTransition,),
        holds_lock=lock_on("allowance_statement"),
    )
    assert approved.ok and isinstance(refused.error, IllegalTransition)
    statement.refresh_from_db()
    assert statement.state == State.APPROVED and statement.approved_by == coordinator
