"""Field labels of the record screens are written in sentence case, in every language."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.companies import MembershipFactory, PlacementFactory

pytestmark = pytest.mark.django_db


def labels(html):
    return [re.sub(r"<[^>]+>", "", label).strip() for label in re.findall(r"<dt>(.*?)</dt>", html)]


def assert_sentence_case(html):
    found = labels(html)
    assert len(found) >= 5
    assert [label for label in found if label[:1].islower()] == []


@pytest.mark.parametrize("language", ["it", "en", "ar"])
def test_the_intern_card_labels(client, language):
    placement = PlacementFactory()
    client.force_login(MembershipFactory(company=placement.company).user)
    with translation.override(language):
        url = reverse("companies:intern_card", args=[placement.company.pk, placement.pk])
    assert_sentence_case(client.get(url).text)


@pytest.mark.parametrize("view", ["placements_admin:inspect", "participants_admin:inspect"])
def test_the_back_office_record_labels(staff_client, view):
    placement = PlacementFactory(participant__phone="+39 333 0000000")
    pk = placement.pk if view.startswith("placements") else placement.participant.pk
    assert_sentence_case(staff_client.get(reverse(view, args=[pk])).text)
