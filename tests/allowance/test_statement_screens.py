"""The statements' screens: the scoped list by project, month and state, the statement page
with its explanation in every language, and the approval buttons."""

import pytest
from django.urls import reverse
from django.utils import translation

from allowance.models import State, Statement
from allowance.services import statements as service
from participants.models import MonthLock
from tests.allowance.helpers import NOV, november, operator_and_coordinator
from tests.factories.companies import TerritoryFactory

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def computed():
    territory = TerritoryFactory()
    project, paths, _sessions = november(2, territory)
    MonthLock.objects.create(project=project, month=NOV)
    service.compute_month(project, NOV)
    operator, coordinator = operator_and_coordinator(territory)
    return project, paths, operator, coordinator


@pytest.mark.parametrize("language", ["it", "en", "ar"])
def test_list_and_statement_page_in_every_language(client, no_staff_mfa, computed, language):
    project, paths, operator, _coordinator = computed
    client.force_login(operator)
    listing = client.get(
        url("allowance_statements:index", language=language),
        {"project": project.pk, "state": "computed"},
    )
    assert listing.status_code == 200
    assert all(path.participant.code in listing.text for path in paths)
    assert paths[0].participant.family_name not in listing.text  # the code, never the name
    statement = Statement.objects.filter(path=paths[0]).get()
    page = client.get(url("allowance_statements:inspect", statement.pk, language=language))
    assert page.status_code == 200
    assert 'id="statement-explanation"' in page.text
    assert "60,00" in page.text or "60.00" in page.text


def test_the_buttons_check_then_approve(client, no_staff_mfa, computed):
    _project, paths, operator, coordinator = computed
    statement = Statement.objects.get(path=paths[0])
    client.force_login(operator)
    page = client.get(url("allowance_statements:inspect", statement.pk))
    assert url("allowance_statements:move", statement.pk, "check") in page.text
    assert url("allowance_statements:move", statement.pk, "approve") not in page.text
    assert client.post(url("allowance_statements:move", statement.pk, "approve")).status_code == 403
    client.post(url("allowance_statements:move", statement.pk, "check"))
    client.force_login(coordinator)
    client.post(url("allowance_statements:move", statement.pk, "approve"))
    assert Statement.objects.get(pk=statement.pk).state == State.APPROVED


def test_another_territory_s_statement_is_a_404(client, no_staff_mfa, computed):
    _project, paths, _operator, _coordinator = computed
    stranger, _other = operator_and_coordinator(TerritoryFactory())
    client.force_login(stranger)
    statement = Statement.objects.get(path=paths[0])
    assert client.get(url("allowance_statements:inspect", statement.pk)).status_code == 404
    response = client.post(url("allowance_statements:move", statement.pk, "check"))
    assert response.status_code == 404
    listing = client.get(url("allowance_statements:index"))
    assert paths[0].participant.code not in listing.text
    assert Statement.objects.get(pk=statement.pk).state == State.COMPUTED


def test_nobody_types_or_deletes_a_statement(staff_client, computed):
    _project, paths, _operator, _coordinator = computed
    statement = Statement.objects.get(path=paths[0])
    assert staff_client.get(url("allowance_statements:edit", statement.pk)).status_code in (
        302,
        403,
    )
    assert staff_client.post(url("allowance_statements:delete", statement.pk)).status_code in (
        302,
        403,
    )
    assert Statement.objects.filter(pk=statement.pk).exists()


def test_the_list_reads_in_constant_queries(client, no_staff_mfa):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (1, 30):
        territory = TerritoryFactory()
        project, _paths, _sessions = november(size, territory)
        MonthLock.objects.create(project=project, month=NOV)
        service.compute_month(project, NOV)
        operator, _coordinator = operator_and_coordinator(territory)
        client.force_login(operator)
        client.get(url("allowance_statements:index"))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("allowance_statements:index")).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_opening_a_statement_or_its_pdf_is_logged_as_a_view_of_the_person(
    client, no_staff_mfa, computed
):
    from participants.models import ParticipantView

    _project, paths, operator, _coordinator = computed
    statement = Statement.objects.get(path=paths[0])
    client.force_login(operator)
    client.get(url("allowance_statements:index"))
    assert not ParticipantView.objects.exists()  # a list of codes is not a person's page
    client.get(url("allowance_statements:inspect", statement.pk))
    client.get(url("allowance_statements:pdf", statement.pk))
    views = ParticipantView.objects.filter(participant=paths[0].participant, user=operator)
    assert views.count() == 2
