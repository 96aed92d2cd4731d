"""The public results page: live, masked figures in three languages, purged on change."""

import pytest
from django.db import connection, transaction
from wagtail.models import Locale

from companies.project_report import HIDDEN
from home.cache import HEADER
from participants.models import Stage
from results.cache import purge_results_pages
from tests.factories.companies import TerritoryFactory
from tests.factories.pages import ProjectPageFactory, ResultsPageFactory, home_page, translate
from tests.factories.participants import ProjectFactory
from tests.results.helpers import people, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def results():
    project = ProjectFactory(name="Approdo Apuane")
    massa = TerritoryFactory()
    people(9, project, massa, Stage.ACTIVE, gender="female")
    people(6, project, massa, Stage.COMPLETED, gender="male")
    people(2, project, massa, Stage.FOLLOWED_UP, exit_outcome="employed")
    home = home_page()
    project_page = ProjectPageFactory(parent=home, slug="apuane")
    page = ResultsPageFactory(parent=project_page, slug="risultati", project=project)
    for code in ("en", "ar"):
        translate(page, code)
    committed()
    return page, project, massa


def committed():
    """Runs the purges queued so far and forgets them, as a commit would: the test's own
    transaction never commits, and a purge already queued in it is not queued twice."""
    queued = connection.run_on_commit
    for _sids, callback, _robust in [entry for entry in queued if entry[1] is purge_results_pages]:
        callback()
    queued[:] = [entry for entry in queued if entry[1] is not purge_results_pages]


def figures_in(text):
    """The cells of the figures table, in order."""
    table = text.split('id="results-figures"')[1].split("</table>")[0]
    return [cell.split("</td>")[0] for cell in table.split("<td>")[1:]]


def test_renders_masked_figures_in_three_languages(client, results):
    page, _project, _massa = results
    for code, direction in (("it", "ltr"), ("en", "ltr"), ("ar", "rtl")):
        translated = page.get_translation(Locale.objects.get(language_code=code))
        response = client.get(translated.url)
        assert response.status_code == 200, code
        assert f'<html lang="{code}" dir="{direction}">' in response.text
        # 17 people; internships and hires below 5; 9 women of 15 who answered.
        assert figures_in(response.text) == ["17", "&lt;5", "&lt;5", "60"], code
        assert "<caption" in response.text and '<th scope="row">' in response.text


def test_no_name_or_code_reaches_the_page(client, results):
    page, project, _massa = results
    text = client.get(page.url).text
    for path in project.paths.select_related("participant"):
        assert path.participant.family_name not in text
        assert path.participant.code not in text


def test_a_change_to_the_paths_purges_the_cached_page(
    client, results, django_capture_on_commit_callbacks
):
    page, project, massa = results
    client.get(page.url)
    assert client.get(page.url)[HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        people(3, project, massa, Stage.ACTIVE, exit_outcome="employed")
    # One purge for the whole transaction, however many rows it wrote.
    assert len(callbacks) == 1
    response = client.get(page.url)
    assert response[HEADER] == "miss"
    assert figures_in(response.text)[:3] == ["20", HIDDEN.replace("<", "&lt;"), "5"]


def test_a_rolled_back_change_does_not_stop_later_purges(
    client, results, django_capture_on_commit_callbacks
):
    _page, project, massa = results
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            person(project, massa, Stage.ACTIVE)
            raise RuntimeError
        with transaction.atomic():
            person(project, massa, Stage.ACTIVE)
    assert len(callbacks) == 1


@pytest.mark.parametrize("size", [5, 15])
def test_queries_do_not_grow_with_people(client, settings, size):
    from django.test.utils import CaptureQueriesContext

    settings.APPRODO_PAGE_CACHE_SECONDS = 0
    project = ProjectFactory()
    for territory in (TerritoryFactory(), TerritoryFactory()):
        people(size, project, territory, Stage.ACTIVE, gender="female")
        people(size, project, territory, Stage.FOLLOWED_UP, exit_outcome="employed")
    page = ResultsPageFactory(parent=home_page(), slug=f"risultati-{size}", project=project)
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    COUNTS.add(len(queries))
    assert len(COUNTS) == 1, COUNTS


COUNTS = set()
