"""The database groups the Annex I entry data (monitoring.indicators.entry_rows): its age
bands agree with participants.age_band person by person, at the boundaries, on 29 February,
on the project's local day, and for a person who entered twice."""

import datetime
import zoneinfo

import pytest

from monitoring.indicators import ENTRY_GROUPS, count_groups, counts, entrants
from participants.models import AgeBand, PathEvent, Stage
from tests.factories.participants import ParticipantFactory, PathFactory, ProjectFactory
from tests.monitoring.test_indicators import born, enter, scope

pytestmark = pytest.mark.django_db

ROME = zoneinfo.ZoneInfo("Europe/Rome")


def entered_at(project, moment, **person):
    territory = project.territories.first()
    path = PathFactory(
        participant=ParticipantFactory(territory=territory, **person),
        project=project,
        stage=Stage.ENROLLED,
    )
    PathEvent.objects.create(
        path=path,
        action="enrol",
        from_stage=Stage.ELIGIBLE,
        to_stage=Stage.ENROLLED,
        created_at=moment,
    )


@pytest.fixture
def project():
    from tests.factories.companies import TerritoryFactory

    project = ProjectFactory()
    project.territories.add(TerritoryFactory())
    for date_of_birth in [born(30, days=-1), born(30), born(55, days=-1), born(55), None]:
        enter(project, date_of_birth=date_of_birth, gender="female")
    enter(project, date_of_birth=born(29), twice=True, gender="male")
    leap = datetime.date(1996, 2, 29)
    enter(project, on=datetime.date(2026, 2, 28), date_of_birth=leap)  # 29
    enter(project, on=datetime.date(2026, 3, 1), date_of_birth=leap)  # 30
    # 00:30 in Rome on the tenth is still the ninth in UTC: the local day decides (30).
    entered_at(
        project,
        datetime.datetime(2026, 3, 10, 0, 30, tzinfo=ROME),
        date_of_birth=datetime.date(1996, 3, 10),
    )
    return project


def test_the_grouped_age_bands_agree_with_each_person(project):
    _columns, margin, entry, _special = counts(scope(project))
    # by age: below 30, 30 to 54, 55 and above, not recorded (totals column)
    assert [row[-1] for row in entry["age"]] == [3, 4, 1, 1]
    assert margin[-1] == 9  # the person who entered twice counts once
    people = entrants(scope(project))
    column_ids = [people[0]["territory"]]
    for key, _label, choices in ENTRY_GROUPS:
        assert entry[key] == count_groups(people, column_ids, lambda p, k=key: p[k], choices)


def test_the_age_band_values_are_the_models():
    assert [value for value, _label in ENTRY_GROUPS[1][2]] == [
        AgeBand.UNDER_30,
        AgeBand.FROM_30_TO_54,
        AgeBand.FROM_55,
    ]
