"""The company's intern cards: only what it needs, every view logged, answers to proposals."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import InternCardView, PlacementStatus
from companies.services import placements
from tests.companies.test_placements import new_placement
from tests.companies.test_placements import setting as placement_setting  # noqa: F401
from tests.factories.companies import CompanyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("it"):
        return reverse(f"companies:{name}", args=args)


@pytest.fixture
def proposed(placement_setting, client):  # noqa: F811
    placement = placements.propose(
        placement_setting["staff"],
        new_placement(
            placement_setting,
            workplace_notes="Istruzioni scritte passo per passo.",
        ),
    )
    placement.participant.preferred_name = "Ami"
    placement.participant.date_of_birth = datetime.date(1987, 11, 23)
    placement.participant.save()
    client.force_login(placement_setting["member"])
    client.placement = placement
    client.company = placement_setting["company"]
    return client


def test_the_card_shows_what_the_company_needs_and_logs_the_view(proposed):
    response = proposed.get(url("intern_card", proposed.company.pk, proposed.placement.pk))
    assert response.status_code == 200
    page = response.text
    assert "Ami" in page and "Istruzioni scritte passo per passo." in page
    assert "Paolo Verdi" in page
    # Nothing else about the person: no family name, no date of birth, no code.
    intern = proposed.placement.participant
    assert intern.family_name not in page
    assert "1987" not in page and "23/11" not in page
    assert intern.code not in page
    assert {"private", "no-store"} <= {v.strip() for v in response["Cache-Control"].split(",")}
    view = InternCardView.objects.get()
    assert view.placement == proposed.placement
    assert view.user == proposed.placement.company.memberships.get().user


def test_the_dashboard_lists_interns_and_asks_to_answer(proposed):
    response = proposed.get(url("dashboard", proposed.company.pk))
    assert "Ami" in response.text
    card = url("intern_card", proposed.company.pk, proposed.placement.pk)
    assert card in [item.url for item in response.context["todo"]]
    assert not InternCardView.objects.exists()  # the list is not a card view


def test_accept_and_decline_with_a_reason(proposed):
    answer = url("placement_decide", proposed.company.pk, proposed.placement.pk)
    response = proposed.post(answer, {"decision": "decline", "reason": " "}, follow=True)
    assert "perché rifiuti" in response.text
    proposed.placement.refresh_from_db()
    assert proposed.placement.status == PlacementStatus.PROPOSED
    proposed.post(answer, {"decision": "accept"})
    proposed.placement.refresh_from_db()
    assert proposed.placement.status == PlacementStatus.ACCEPTED
    response = proposed.post(
        answer, {"decision": "decline", "reason": "Ci ripensiamo."}, follow=True
    )
    assert "già ricevuto una risposta" in response.text
    proposed.placement.refresh_from_db()
    assert proposed.placement.status == PlacementStatus.ACCEPTED


@pytest.mark.parametrize("name", ["intern_card", "placement_decide"])
def test_another_company_gets_a_404(proposed, client, name):
    stranger = MembershipFactory(company=CompanyFactory()).user
    client.force_login(stranger)
    target = url(name, proposed.company.pk, proposed.placement.pk)
    response = (
        client.post(target, {"decision": "accept"}) if "decide" in name else client.get(target)
    )
    assert response.status_code == 404
    own = MembershipFactory(user=stranger).company
    assert client.get(url("intern_card", own.pk, proposed.placement.pk)).status_code == 404
    assert not InternCardView.objects.exists()
    proposed.placement.refresh_from_db()
    assert proposed.placement.status == PlacementStatus.PROPOSED
