"""The project report: counts, the small-cell rule, scope and filters (exports and the query
count: test_report_exports.py)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail import hooks

from companies.models import CompanyStatus, PlacementEvent, Territory
from companies.project_report import (
    HIDDEN,
    WITHHELD,
    event_years,
    mask,
    masked_with_total,
    placement_counts,
    project_report,
    step_counts,
)
from participants.models import Participant
from tests.factories.companies import (
    CompanyFactory,
    OperatingSiteFactory,
    PlacementFactory,
    TerritoryFactory,
)
from tests.factories.participants import ParticipantFactory
from tests.factories.users import StaffUserFactory, UserFactory, admin_user, moderator_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]

URL = "/admin/reports/project/"
ROME = ZoneInfo("Europe/Rome")
STATUSES = {
    "propose": ("proposed", "proposed"),
    "accept": ("proposed", "accepted"),
    "decline": ("proposed", "declined"),
    "start": ("accepted", "active"),
    "suspend": ("active", "suspended"),
    "resume": ("suspended", "active"),
    "complete": ("active", "completed"),
    "terminate": ("active", "terminated"),
}
TERRITORY_REFUSED = "That territory is not among yours; showing all your territories."
COMPANY_HEADINGS = [
    "Territory",
    "Draft",
    "Submitted",
    "Changes requested",
    "Approved",
    "Rejected",
    "Total",
]
PLACEMENT_HEADINGS = [
    "Month",
    "Territory",
    "Proposed",
    "Accepted",
    "Declined",
    "Active at month end",
    "Completed",
    "Ended early",
    "Hired after the internship",
]


def rome(year, month, day, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ROME)


def step(placement, action, when):
    before, after = STATUSES[action]
    return PlacementEvent.objects.create(
        placement=placement, action=action, from_status=before, to_status=after, created_at=when
    )


def placement(company, site, steps, hired_after=None):
    placed = PlacementFactory(
        participant=ParticipantFactory(territory=company.territory),
        company=company,
        site=site,
        hired_after=hired_after,
    )
    for action, when in steps:
        step(placed, action, when)
    return placed


def hosts(territory, count):
    companies = CompanyFactory.create_batch(
        count, territory=territory, status=CompanyStatus.APPROVED
    )
    return [(company, OperatingSiteFactory(company=company)) for company in companies]


@pytest.fixture
def project():
    return build_project()


def build_project():
    """Two territories with known companies and placements; every counted cell in 2025.

    Valdelsa: 21 companies (5 draft, 5 submitted, 3 changes requested, 6 approved,
    2 rejected). 6 placements running since December 2024; 17 proposed in March 2025, of
    which 11 accepted and 6 declined in April, the 11 started in May, 5 of them completed
    and 5 ended early in October (the completions at 00:30 on 1 October in Rome, still
    30 September in UTC), the completed ones hired. Three interns are anonymised.
    Val di Merse: 8 companies (7 approved, 1 draft), 6 placements proposed in March 2025.
    """
    valdelsa = TerritoryFactory(name="Valdelsa", code="valdelsa")
    merse = TerritoryFactory(name="Val di Merse", code="val-di-merse")
    for status, count in [
        (CompanyStatus.DRAFT, 5),
        (CompanyStatus.SUBMITTED, 5),
        (CompanyStatus.CHANGES_REQUESTED, 3),
        (CompanyStatus.REJECTED, 2),
    ]:
        CompanyFactory.create_batch(count, territory=valdelsa, status=status)
    valdelsa_hosts = hosts(valdelsa, 6)
    for n in range(6):
        placement(
            *valdelsa_hosts[n],
            [
                ("propose", rome(2024, 11, 4)),
                ("accept", rome(2024, 11, 20)),
                ("start", rome(2024, 12, 2)),
            ],
        )
    for n in range(17):
        steps = [("propose", rome(2025, 3, 1, 0, 15))]
        if n < 11:
            steps += [("accept", rome(2025, 4, 8)), ("start", rome(2025, 5, 5))]
        else:
            steps += [("decline", rome(2025, 4, 9))]
        if n < 5:
            steps += [
                ("suspend", rome(2025, 6, 10)),
                ("resume", rome(2025, 7, 1)),
                ("complete", rome(2025, 10, 1, 0, 30)),
            ]
        elif n < 10:
            steps += [("terminate", rome(2025, 10, 15))]
        placed = placement(*valdelsa_hosts[n % 6], steps, hired_after=True if n < 5 else None)
        if n in (0, 6, 12):
            Participant.objects.filter(pk=placed.participant_id).update(
                given_name="", family_name="", email="", anonymised_at=timezone.now()
            )
    merse_hosts = hosts(merse, 7)
    CompanyFactory(territory=merse, status=CompanyStatus.DRAFT)
    for n in range(6):
        placement(*merse_hosts[n], [("propose", rome(2025, 3, 12))])
    return {"valdelsa": valdelsa, "merse": merse}


def superuser_client(client):
    client.force_login(admin_user(StaffUserFactory()))
    return client


def rows(response, name):
    table = next(table for table in response.context["tables"] if table.name == name)
    return {tuple(row.labels): row.cells for row in table.rows}


def month_row(**counts):
    """A displayed placements row: the given counts, "<5" for every other column."""
    keys = ["proposed", "accepted", "declined", "active", "completed"]
    keys += ["terminated", "hired"]
    return [counts.get(key, HIDDEN) for key in keys]


# --- The small-cell rule ------------------------------------------------------------------


class TestSmallCellRule:
    @pytest.mark.parametrize(
        ("count", "shown"), [(0, HIDDEN), (1, HIDDEN), (4, HIDDEN), (5, 5), (120, 120)]
    )
    def test_counts_below_five_none_included_are_hidden(self, count, shown):
        assert mask(count) == shown

    @pytest.mark.parametrize(
        ("counts", "shown"),
        [
            ([5, 6, 7], [5, 6, 7, 18]),
            # Total minus what is shown gives the hidden count back: 8 - 7 = 1.
            ([1, 0, 7], [HIDDEN, HIDDEN, 7, WITHHELD]),
            ([7, 3], [7, HIDDEN, WITHHELD]),
            ([0, 0, 0], [HIDDEN, HIDDEN, HIDDEN, WITHHELD]),
            ([], [HIDDEN]),
            # The hidden counts add up to 5 or more: the total says only their sum.
            ([5, 3, 2], [5, HIDDEN, HIDDEN, 10]),
            ([4, 3], [HIDDEN, HIDDEN, 7]),
            # Two hidden counts adding up to 8 can only be 4 and 4.
            ([4, 4, 9], [HIDDEN, HIDDEN, 9, WITHHELD]),
            ([4, 4, 4, 3], [HIDDEN, HIDDEN, HIDDEN, HIDDEN, 15]),
        ],
    )
    def test_a_total_is_shown_only_when_it_gives_no_hidden_count_back(self, counts, shown):
        assert masked_with_total(counts) == shown


# --- Counting -----------------------------------------------------------------------------


class TestPlacementCounts:
    def test_months_follow_rome_time_and_placements_count_while_running(self):
        utc = datetime.UTC
        territory = TerritoryFactory()
        first, second, third = (
            PlacementFactory(participant__territory=territory, hired_after=hired)
            for hired in (True, False, None)
        )
        for placement, action, moment in [
            # 23:30 UTC on 31 January is 00:30 on 1 February in Rome.
            (first, "start", datetime.datetime(2025, 1, 31, 23, 30, tzinfo=utc)),
            (first, "complete", datetime.datetime(2025, 3, 10, 9, 0, tzinfo=utc)),
            (second, "start", datetime.datetime(2024, 6, 3, 9, 0, tzinfo=utc)),
            (second, "suspend", datetime.datetime(2025, 1, 10, 9, 0, tzinfo=utc)),
            # 23:30 UTC on 28 February is already March in Rome: running at February's end.
            (second, "terminate", datetime.datetime(2025, 2, 28, 23, 30, tzinfo=utc)),
            (third, "propose", datetime.datetime(2025, 2, 2, 9, 0, tzinfo=utc)),
        ]:
            PlacementEvent.objects.create(
                placement=placement,
                action=action,
                from_status="proposed",
                to_status="active",
                created_at=moment,
            )
        months = [datetime.date(2025, month, 1) for month in (1, 2, 3)]
        counts = placement_counts(step_counts([territory], 2025), [territory.pk], months)
        january, february, march = (counts[(month, territory.pk)] for month in months)
        assert january == {"active": 1}
        assert february == {"active": 2, "proposed": 1}
        assert march == {"completed": 1, "terminated": 1, "hired": 1}

    def test_known_data_set_exactly(self, project):
        valdelsa, merse = project["valdelsa"], project["merse"]
        today = datetime.date(2026, 1, 20)
        with translation.override("en"):
            companies, placements = project_report([merse, valdelsa], 2025, today)
        shown = {tuple(row.labels): row.cells for row in placements.rows}
        # Anonymised interns' placements are in the counts below like the others.
        assert Participant.objects.filter(anonymised_at__isnull=False, given_name="").count() == 3
        assert len(shown) == 24
        assert shown[("January 2025", "Valdelsa")] == month_row(active=6)
        assert shown[("March 2025", "Valdelsa")] == month_row(proposed=17, active=6)
        assert shown[("April 2025", "Valdelsa")] == month_row(accepted=11, declined=6, active=6)
        assert shown[("May 2025", "Valdelsa")] == month_row(active=17)
        assert shown[("September 2025", "Valdelsa")] == month_row(active=17)
        assert shown[("October 2025", "Valdelsa")] == month_row(
            active=7, completed=5, terminated=5, hired=5
        )
        assert shown[("December 2025", "Valdelsa")] == month_row(active=7)
        assert shown[("March 2025", "Val di Merse")] == month_row(proposed=6)
        assert shown[("April 2025", "Val di Merse")] == month_row()
        assert {tuple(row.labels): row.cells for row in companies.rows} == {
            ("Val di Merse",): [HIDDEN, HIDDEN, HIDDEN, 7, HIDDEN, WITHHELD],
            ("Valdelsa",): [5, 5, HIDDEN, 6, HIDDEN, 21],
        }

    def test_only_months_begun_by_today_are_listed(self, project):
        today = datetime.date(2025, 3, 1)
        with translation.override("en"):
            _companies, placements = project_report([project["valdelsa"]], 2025, today)
        assert [row.labels[0] for row in placements.rows] == [
            "January 2025",
            "February 2025",
            "March 2025",
        ]

    def test_costs_two_queries_whatever_the_data(self, project, django_assert_num_queries):
        territories = [project["merse"], project["valdelsa"]]
        with django_assert_num_queries(2):
            project_report(territories, 2025, datetime.date(2026, 1, 20))


# --- The page -----------------------------------------------------------------------------


class TestPage:
    def test_superuser_reads_both_tables_with_accessible_headers(self, client, project):
        response = superuser_client(client).get(URL, {"year": 2025})
        assert response.status_code == 200
        content = response.content.decode()
        assert "<caption" in content
        assert "Host companies by territory and current status" in content
        assert "Placements by month and territory, 2025" in content
        assert '<th scope="col">Active at month end</th>' in content
        assert '<th scope="row">Valdelsa</th>' in content
        assert "<td>21</td>" in content
        assert "<td>&lt;5</td>" in content
        assert "Total not shown" in content
        assert rows(response, "companies")[("Valdelsa",)] == [5, 5, HIDDEN, 6, HIDDEN, 21]
        assert rows(response, "placements")[("May 2025", "Valdelsa")] == month_row(active=17)

    def test_staff_without_the_permission_get_a_plain_403(self, client, project):
        client.force_login(admin_user(UserFactory(is_staff=True), "wagtailadmin.access_admin"))
        for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
            response = client.get(URL, params)
            assert response.status_code == 403
            assert b"Valdelsa" not in response.content

    def test_moderator_sees_only_their_territory(self, client, project):
        client.force_login(moderator_of(project["valdelsa"]))
        response = client.get(URL, {"year": 2025})
        assert response.status_code == 200
        assert set(rows(response, "companies")) == {("Valdelsa",)}
        assert {labels[1] for labels in rows(response, "placements")} == {"Valdelsa"}
        assert b"Val di Merse" not in response.content

    def test_another_territory_asked_for_by_a_moderator_is_refused(self, client, project):
        client.force_login(moderator_of(project["valdelsa"]))
        response = client.get(URL, {"year": 2025, "territory": project["merse"].pk})
        assert response.status_code == 200
        assert [str(m) for m in get_messages(response.wsgi_request)] == [TERRITORY_REFUSED]
        assert set(rows(response, "companies")) == {("Valdelsa",)}
        assert b"Val di Merse" not in response.content
        exported = client.get(
            URL, {"year": 2025, "territory": project["merse"].pk, "export": "csv"}
        )
        assert "Val di Merse" not in exported.content.decode("utf-8-sig")
        assert "Valdelsa" in exported.content.decode("utf-8-sig")
        assert not list(get_messages(exported.wsgi_request))

    def test_moderator_of_no_territory_gets_empty_tables(self, client, project):
        client.force_login(moderator_of())
        response = client.get(URL, {"year": 2025})
        assert response.status_code == 200
        assert rows(response, "companies") == rows(response, "placements") == {}
        assert b"No territory is open to you yet" in response.content

    def test_territory_filter_narrows_the_tables(self, client, project):
        response = superuser_client(client).get(
            URL, {"year": 2025, "territory": project["merse"].pk}
        )
        assert set(rows(response, "companies")) == {("Val di Merse",)}
        assert len(rows(response, "placements")) == 12

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"year": "abc"}, "There is no report for that year; showing 2026."),
            ({"year": "1999"}, "There is no report for that year; showing 2026."),
            ({"year": "9" * 40}, "There is no report for that year; showing 2026."),
            ({"territory": "abc"}, TERRITORY_REFUSED),
            ({"territory": "987654"}, TERRITORY_REFUSED),
            ({"export": "pdf"}, "Downloads come as CSV or XLSX; here is the page."),
        ],
    )
    def test_bad_filter_values_give_a_message_and_the_defaults(
        self, client, project, params, message
    ):
        with time_machine.travel(rome(2026, 3, 15), tick=False):
            response = superuser_client(client).get(URL, params)
        assert response.status_code == 200
        assert [str(m) for m in get_messages(response.wsgi_request)] == [message]
        assert {labels[0] for labels in rows(response, "placements")} == {
            "January 2026",
            "February 2026",
            "March 2026",
        }
        assert len(rows(response, "companies")) == 2

    def test_years_with_data_and_the_current_one_are_offered(self, client, project):
        with time_machine.travel(rome(2026, 3, 15), tick=False):
            response = superuser_client(client).get(URL)
        form = response.context["form"]
        assert [value for value, _label in form.fields["year"].choices] == [2026, 2025, 2024]
        assert form["year"].value() == 2026
        assert not list(get_messages(response.wsgi_request))

    def test_offered_years_run_from_the_first_step_to_the_last_in_the_readers_territories(
        self, client, project
    ):
        valdelsa_site = hosts(project["valdelsa"], 1)[0]
        merse_site = hosts(project["merse"], 1)[0]
        # 00:30 on 1 January 2022 in Rome is still 2021 in UTC: the year is the project's.
        placement(*valdelsa_site, [("propose", rome(2022, 1, 1, 0, 30))])
        placement(*merse_site, [("propose", rome(2019, 6, 1))])
        with time_machine.travel(rome(2026, 3, 15), tick=False):
            client.force_login(moderator_of(project["valdelsa"]))
            response = client.get(URL)
        choices = [value for value, _label in response.context["form"].fields["year"].choices]
        # 2023 has no step in Valdelsa but lies between two that do; Val di Merse's 2019
        # is not the moderator's to see.
        assert choices == [2026, 2025, 2024, 2023, 2022]
        assert event_years(Territory.objects.filter(pk=project["merse"].pk)) == {
            2019,
            2020,
            2021,
            2022,
            2023,
            2024,
            2025,
        }
        assert event_years(Territory.objects.none()) == set()

    def test_menu_item_only_for_users_with_the_permission(self, project):
        items = [hook() for hook in hooks.get_hooks("register_reports_menu_item")]
        item = next(item for item in items if item.name == "project-report")
        assert item.url == URL
        request = RequestFactory().get("/admin/")
        request.user = AnonymousUser()
        assert not item.is_shown(request)
        request.user = admin_user(UserFactory(is_staff=True), "wagtailadmin.access_admin")
        assert not item.is_shown(request)
        request.user = moderator_of(project["valdelsa"])
        assert item.is_shown(request)
        request.user = admin_user(StaffUserFactory())
        assert item.is_shown(request)


# --- Exports ------------------------------------------------------------------------------
