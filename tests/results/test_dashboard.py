"""The targets-vs-actuals dashboard: figures against hand-built paths, masking, scope,
permission and a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.project_report import HIDDEN, WITHHELD
from participants.models import Stage
from projects.models import TerritoryTarget
from results.figures import people_by_territory
from results.tables import dashboard, percent, public_figures
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import ProjectFactory
from tests.factories.users import moderator_of, staff_in_group
from tests.results.helpers import APRIL, MARCH, people

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]
TODAY = datetime.date(2026, 4, 30)
ENROLLED = 1  # the territory table's cells: target, enrolled, active, …


@pytest.fixture
def project():
    project = ProjectFactory(
        name="Approdo Apuane",
        starts_on=datetime.date(2026, 3, 1),
        target_people=400,
        target_women_percent=55,
        target_internships=196,
        target_hires=50,
    )
    return project


def coordinator_of(*territories):
    user = staff_in_group("Allowance coordinators")
    for territory in territories:
        territory.moderators.add(user)
    return user


class TestFigures:
    def test_withdrawn_and_completed_are_told_apart(self, project):
        massa = TerritoryFactory(name="Massa")
        project.territories.add(massa)
        people(2, project, massa, Stage.ACTIVE)
        people(3, project, massa, Stage.COMPLETED)
        people(1, project, massa, Stage.FOLLOWED_UP, exit_outcome="employed")
        people(4, project, massa, Stage.WITHDRAWN)
        people(2, project, massa, "withdrawn_early")
        people(1, project, massa, Stage.ELIGIBLE)
        figures = people_by_territory(project, [massa.pk])[massa.pk]
        assert figures["enrolled"] == 10  # not the two who left before enrolment
        assert figures["active"] == 2
        assert figures["completed"] == 4  # the followed-up person completed too
        assert figures["withdrawn"] == 4
        assert figures["hires"] == 1

    def test_women_share_leaves_out_missing_answers(self, project):
        massa = TerritoryFactory()
        people(6, project, massa, Stage.ACTIVE, gender="female")
        people(5, project, massa, Stage.ACTIVE, gender="male")
        people(3, project, massa, Stage.ACTIVE, gender="not_stated")
        people(4, project, massa, Stage.ACTIVE, gender="")
        figures = people_by_territory(project, [massa.pk])[massa.pk]
        assert (figures["women"], figures["gender_known"], figures["gender_unknown"]) == (6, 11, 7)
        # 6 of the 11 who answered, not 6 of 18.
        assert percent(figures["women"], figures["gender_known"]) == 55

    def test_a_women_share_that_would_give_a_small_count_back_is_hidden(self):
        assert percent(4, 20) == HIDDEN
        assert percent(16, 20) == HIDDEN  # four who are not women
        assert percent(5, 10) == 50

    def test_other_projects_and_territories_are_not_counted(self, project):
        massa, carrara = TerritoryFactory(), TerritoryFactory()
        people(5, project, massa, Stage.ACTIVE)
        people(5, project, carrara, Stage.ACTIVE)
        people(5, ProjectFactory(), massa, Stage.ACTIVE)
        assert people_by_territory(project, [massa.pk])[massa.pk]["enrolled"] == 5


class TestTables:
    def test_small_counts_are_masked_and_totals_withheld(self, project):
        massa, carrara = TerritoryFactory(name="Massa"), TerritoryFactory(name="Carrara")
        project.territories.add(massa, carrara)
        TerritoryTarget.objects.create(project=project, territory=massa, people=200)
        people(7, project, massa, Stage.ACTIVE, gender="female")
        people(6, project, massa, Stage.COMPLETED, gender="male")
        people(2, project, carrara, Stage.ACTIVE, gender="female")
        board = dashboard(project, [massa, carrara], TODAY)
        targets, territories, months = board.tables
        by_name = {row.labels[0]: row.cells for row in territories.rows}
        assert by_name["Massa"][0] == 200
        assert by_name["Massa"][ENROLLED] == 13
        assert by_name["Carrara"][ENROLLED] == HIDDEN
        # 13 + 2: the total would give Carrara's 2 back.
        assert territories.rows[-1].cells[ENROLLED] == WITHHELD
        assert by_name["Massa"][-1] == percent(7, 13) == 54
        assert targets.rows[0].cells == [400, WITHHELD]
        # Everybody enrolled in March: Massa's March shows, Carrara's is hidden.
        march = {row.labels[1]: row.cells for row in months.rows if "2026" in row.labels[0]}
        assert len(months.rows) == 4  # March and April, two territories
        assert march["Carrara"][0] == HIDDEN

    def test_active_at_month_end_follows_the_steps(self, project):
        massa = TerritoryFactory()
        project.territories.add(massa)
        people(6, project, massa, Stage.ACTIVE, when=MARCH)
        people(5, project, massa, Stage.COMPLETED, when=MARCH, ended=APRIL)
        board = dashboard(project, [massa], TODAY)
        months = board.tables[2]
        active = [row.cells[1] for row in months.rows]
        completed = [row.cells[2] for row in months.rows]
        assert active == [11, 6]
        assert completed == [HIDDEN, 5]

    def test_a_territory_total_that_gives_a_hidden_month_back_is_withheld(self, project):
        massa = TerritoryFactory(name="Massa")
        project.territories.add(massa)
        people(6, project, massa, Stage.ACTIVE, when=MARCH)
        people(2, project, massa, Stage.ACTIVE, when=APRIL)
        territories = dashboard(project, [massa], TODAY).tables[1]
        # 8 enrolled: with March's 6 shown, April's 2 would follow.
        assert territories.rows[0].cells[ENROLLED] == WITHHELD

    def test_public_figures_are_masked(self, project):
        massa = TerritoryFactory()
        people(8, project, massa, Stage.ACTIVE, gender="female")
        people(6, project, massa, Stage.ACTIVE, gender="male")
        people(3, project, massa, Stage.FOLLOWED_UP, exit_outcome="employed")
        assert public_figures(project) == {
            "people": 17,
            "internships": HIDDEN,
            "hires": HIDDEN,
            "women_percent": 57,
        }


class TestPage:
    def url(self, project):
        return reverse("results_dashboard", args=[project.pk])

    def test_a_coordinator_sees_their_territories_only(self, client, project):
        massa, carrara = TerritoryFactory(name="Massa"), TerritoryFactory(name="Carrara")
        project.territories.add(massa, carrara)
        people(6, project, massa, Stage.ACTIVE)
        client.force_login(coordinator_of(massa))
        response = client.get(self.url(project))
        assert response.status_code == 200
        text = response.text
        assert "Massa" in text and "Carrara" not in text
        assert '<th scope="col">Enrolled</th>' in text
        assert "<caption" in text and 'id="territories-chart-data"' in text
        # Aggregates only: nobody's name reaches the page.
        path = project.paths.first()
        assert path.participant.family_name not in text
        assert path.participant.code not in text

    def test_the_index_opens_the_first_project(self, client, project):
        massa = TerritoryFactory()
        project.territories.add(massa)
        client.force_login(coordinator_of(massa))
        response = client.get(reverse("results_dashboard_index"))
        assert response.status_code == 302
        assert response["Location"] == self.url(project)

    def test_a_project_outside_the_territories_is_not_found(self, client, project):
        massa = TerritoryFactory()
        project.territories.add(massa)
        client.force_login(coordinator_of(TerritoryFactory()))
        assert client.get(self.url(project)).status_code == 404
        assert client.get(reverse("results_dashboard", args=[99999])).status_code == 404

    def test_a_moderator_without_the_permission_is_refused(self, client, project):
        massa = TerritoryFactory()
        project.territories.add(massa)
        client.force_login(moderator_of(massa))
        assert client.get(self.url(project)).status_code == 403

    def test_a_company_user_cannot_reach_it(self, client, project):
        from tests.factories.users import UserFactory

        client.force_login(UserFactory())
        response = client.get(self.url(project))
        assert response.status_code in (302, 403)
        assert "Enrolled" not in response.text

    @pytest.mark.parametrize("size", [5, 15])
    def test_queries_do_not_grow_with_people(self, client, project, size):
        massa, carrara = TerritoryFactory(), TerritoryFactory()
        project.territories.add(massa, carrara)
        for territory in (massa, carrara):
            people(size, project, territory, Stage.ACTIVE, gender="female")
            people(size, project, territory, Stage.COMPLETED, ended=APRIL)
        client.force_login(coordinator_of(massa, carrara))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(self.url(project)).status_code == 200
        QUERIES.setdefault("dashboard", set()).add(len(queries))
        assert len(QUERIES["dashboard"]) == 1, QUERIES


QUERIES = {}


class TestHours:
    def test_hours_show_only_with_five_people_behind_them(self, project):
        from decimal import Decimal

        from participants.models import Attendance
        from tests.factories.participants import ActivityFactory, SessionFactory

        massa, carrara = TerritoryFactory(name="Massa"), TerritoryFactory(name="Carrara")
        project.territories.add(massa, carrara)
        course = ActivityFactory(project=project)
        session = SessionFactory(activity=course, date=datetime.date(2026, 3, 16), hours=4)
        paths = people(5, project, massa, Stage.ACTIVE) + people(2, project, carrara, Stage.ACTIVE)
        Attendance.objects.bulk_create(
            Attendance(session=session, path=path, presence="present", hours=Decimal("4"))
            for path in paths
        )
        board = dashboard(project, [massa, carrara], TODAY)
        months = board.tables[2]
        march = {row.labels[1]: row.cells for row in months.rows[:2]}
        hours = 4  # the month table's cells: four counts, then hours, then euros
        assert march["Massa"][hours] == 20
        assert march["Carrara"][hours] == HIDDEN
        # The project's hours per person would add Carrara's hidden hours back in.
        targets = {str(row.labels[0]): row.cells for row in board.tables[0].rows}
        assert list(targets.values())[4][1] == WITHHELD
