"""Result indicators: the people who left in the period, at exit and six months later."""

import datetime

import pytest
from django.utils import translation

from monitoring.indicators import Scope
from monitoring.results import result_counts, results_table
from participants.models import Stage
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import ParticipantFactory, PathFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def leave(project, territory, on, outcome="", contract="", follow_up=""):
    return PathFactory(
        project=project,
        participant=ParticipantFactory(territory=territory),
        stage=Stage.FOLLOWED_UP if follow_up else Stage.COMPLETED,
        exited_on=on,
        exit_outcome=outcome,
        contract_type=contract,
        follow_up_outcome=follow_up,
    )


def test_exit_and_follow_up_outcomes_of_those_who_left_in_the_period():
    project = ProjectFactory()
    territory = TerritoryFactory()
    day = datetime.date(2026, 6, 1)
    for _ in range(5):
        leave(project, territory, day, "employed", "fixed_term", "employed")
    for _ in range(6):
        leave(project, territory, day, "looking")
    leave(project, territory, datetime.date(2025, 12, 31), "employed")  # before the period
    PathFactory(project=project, stage=Stage.ACTIVE)  # still on the path
    scope = Scope(project, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    columns, margin, groups = result_counts(scope)
    assert columns == [territory] and margin == [11, 11]
    # employed, in education, looking, other, not recorded
    assert groups["exit_outcome"] == [[5, 5], [0, 0], [6, 6], [0, 0], [0, 0]]
    assert groups["follow_up_outcome"][0] == [5, 5]
    assert groups["follow_up_outcome"][-1] == [6, 6]  # not followed up yet
    with translation.override("en"):
        table = results_table(scope)
        assert [str(label) for label in table.rows[0].labels] == ["People who left", ""]
        assert table.rows[0].cells == [11, 11]
        employed, _education, looking = table.rows[1:4]
        assert str(employed.labels[0]) == "Situation at exit"
        # Shown, the 5 would tell that the hidden counts beside it add up to 0: withheld.
        assert employed.cells == ["–", "–"]
        assert looking.cells == [6, 6]
