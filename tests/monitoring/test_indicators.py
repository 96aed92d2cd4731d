"""Annex I tables: who counts, age bands at their boundaries, missing answers, suppression,
the XLSX download, and who may see them."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from monitoring import services
from monitoring.indicators import Scope, annex_tables, counts, entrants
from monitoring.suppression import protect, reveals
from participants.models import AgeBand, PathEvent, Stage, age_band
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import (
    ParticipantFactory,
    PathFactory,
    ProjectFactory,
    moderator_for,
)
from tests.factories.users import StaffUserFactory, admin_user

pytestmark = pytest.mark.django_db

ENTRY = datetime.date(2026, 3, 10)


def born(years_before, days=0):
    """A date of birth ``years_before`` years (and ``days`` more days) before ENTRY."""
    return ENTRY.replace(year=ENTRY.year - years_before) - datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("date_of_birth", "band"),
    [
        (born(30, days=-1), AgeBand.UNDER_30),  # turns 30 the day after entry
        (born(30), AgeBand.FROM_30_TO_54),  # 30 on the day
        (born(55, days=-1), AgeBand.FROM_30_TO_54),
        (born(55), AgeBand.FROM_55),
        (born(16), AgeBand.UNDER_30),
        (None, ""),
    ],
)
def test_age_bands_at_their_boundaries(date_of_birth, band):
    assert age_band(date_of_birth, ENTRY) == band


def test_a_leap_day_birthday_counts_from_the_first_of_march():
    assert age_band(datetime.date(1996, 2, 29), datetime.date(2026, 2, 28)) == AgeBand.UNDER_30
    assert age_band(datetime.date(1996, 2, 29), datetime.date(2026, 3, 1)) == AgeBand.FROM_30_TO_54


def enter(project, on=ENTRY, territory=None, twice=False, **person):
    territory = territory or project.territories.first() or TerritoryFactory()
    participant = ParticipantFactory(territory=territory, **person)
    path = PathFactory(participant=participant, project=project, stage=Stage.ACTIVE)
    moments = [on, on + datetime.timedelta(days=40)] if twice else [on]
    for day in moments:
        PathEvent.objects.create(
            path=path,
            action="enrol",
            from_stage=Stage.ELIGIBLE,
            to_stage=Stage.ENROLLED,
            created_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))),
        )
    return participant


def scope(project, **kwargs):
    return Scope(project=project, starts_on=project.starts_on, ends_on=project.ends_on, **kwargs)


def test_who_counts_and_the_age_taken_on_the_day_of_entry():
    project = ProjectFactory()
    first = enter(project, date_of_birth=born(30, days=-1), gender="female")
    enter(project, twice=True, gender="male")  # left and came back: counted once
    PathFactory(project=project, stage=Stage.ELIGIBLE)  # never enrolled
    enter(project, on=project.starts_on - datetime.timedelta(days=1))  # before the period
    enter(ProjectFactory())  # another project
    people = {person["id"]: person for person in entrants(scope(project))}
    assert len(people) == 2
    assert people[first.pk]["age"] == AgeBand.UNDER_30


def cells(table, category):
    for row in table.rows:
        if row.labels[1] == category or (category == "Participants" and row.labels[0] == category):
            return row.cells
    raise AssertionError(category)


def test_missing_answers_are_counted_apart_from_prefer_not_to_say(no_staff_mfa):
    project = ProjectFactory()
    territory = TerritoryFactory(name="Alta Val d'Elsa")
    project.territories.add(territory)
    recorder = _monitoring_user()
    for _ in range(6):
        enter(project, gender="not_stated")
    for index in range(7):
        person = enter(project, gender="")
        if index < 5:
            services.record(
                recorder,
                person,
                consent_given_on=ENTRY,
                answers={"rural": "not_stated" if index < 5 else "yes"},
            )
    columns, margin, entry, special = counts(scope(project))
    assert columns == [territory] and margin == [13, 13]
    # woman, man, non-binary, prefers not to say, not recorded
    assert entry["gender"] == [[0, 0], [0, 0], [0, 0], [6, 6], [7, 7]]
    # yes, no, prefers not to say, not asked (no consent or no record)
    assert special["rural"] == [[0, 0], [0, 0], [5, 5], [8, 8]]
    with translation.override("en"):
        entry_table, _special = annex_tables(scope(project))
        # Three zeros beside a shown total would add up to nothing: a shown count goes too.
        assert cells(entry_table, "Prefers not to say")[:2] == ["–", "–"]


def _monitoring_user():
    from tests.factories.users import staff_in_group

    return staff_in_group("Monitoring")


def test_a_hidden_count_is_never_given_back_by_a_total():
    # One small count in a row: the other cell of the row is hidden too, and so must be
    # another cell of each column, or the column totals would give them back.
    groups = {"g": [[3, 9, 12], [7, 8, 15]]}
    margin = [10, 17, 27]
    hidden, margin_hidden = protect(groups, margin)
    assert ("g", 0, 0) in hidden and ("g", 0, 1) in hidden
    assert ("g", 1, 0) in hidden and ("g", 1, 1) in hidden
    assert margin_hidden == set()
    for r, row in enumerate(groups["g"]):
        assert not reveals([row[c] for c in range(2) if ("g", r, c) in hidden]) or (
            ("g", r, 2) in hidden
        )


def test_nothing_small_means_nothing_hidden():
    assert protect({"g": [[5, 6, 11], [5, 9, 14]]}, [10, 15, 25]) == (set(), set())


def test_a_small_margin_hides_what_would_give_it_back():
    _hidden, margin_hidden = protect({"g": [[2, 8, 10], [1, 9, 10]]}, [3, 17, 20])
    assert 0 in margin_hidden and 1 in margin_hidden  # 3 hidden, so 17 too (20 - 17 = 3)


def url(**params):
    with translation.override("en"):
        base = reverse("monitoring_indicators")
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_the_report_page_and_xlsx_for_the_monitoring_group(client, no_staff_mfa):
    project = ProjectFactory(code="apuane")
    for _ in range(6):
        enter(project, gender="female", date_of_birth=born(40))
    enter(project, gender="male", date_of_birth=born(60))
    client.force_login(_monitoring_user())
    response = client.get(url(project=project.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Participants at entry" in html and "Special-category indicators" in html
    assert "&lt;5" in html
    download = client.get(url(project=project.pk, export="xlsx"))
    assert download["Content-Disposition"].startswith('attachment; filename="approdo-annex-i-')
    book = load_workbook(io.BytesIO(download.content))
    values = [cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row]
    assert "<5" in values and 7 in values


def test_a_bad_period_is_refused(client, no_staff_mfa):
    project = ProjectFactory()
    client.force_login(_monitoring_user())
    response = client.get(url(project=project.pk, starts_on="2027-01-01", ends_on="2026-01-01"))
    assert response.status_code == 200
    assert "must not come before its start" in response.content.decode()
    assert response.context["tables"] == []


def test_others_do_not_reach_the_report(client, no_staff_mfa):
    project = ProjectFactory()
    territory = TerritoryFactory()
    client.force_login(moderator_for(territory))
    assert client.get(url(project=project.pk)).status_code == 404
    client.force_login(admin_user(StaffUserFactory()))  # aggregates only: superusers may
    assert client.get(url(project=project.pk)).status_code == 200


def test_the_tables_cost_the_same_queries_at_two_sizes(no_staff_mfa):
    recorder = _monitoring_user()

    def queries(count):
        project = ProjectFactory()
        for index in range(count):
            person = enter(project, gender="female")
            if index % 2:
                services.record(recorder, person, consent_given_on=ENTRY, answers={"rural": "yes"})
        with CaptureQueriesContext(connection) as captured:
            annex_tables(scope(project))
        return len(captured)

    assert queries(3) == queries(12)
