"""The heading strip of every company page, as a person reads it in a right-to-left language."""

import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import MembershipRole
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db


def test_the_company_name_keeps_its_own_direction_on_arabic_pages(client):
    """A Latin name ending in a full stop ("Bottega Le Balze s.r.l.") read ".Bottega Le Balze
    s.r.l" on Arabic pages: the name is isolated so its punctuation stays where it belongs."""
    membership = MembershipFactory(
        role=MembershipRole.ADMIN, company__legal_name="Bottega Le Balze s.r.l."
    )
    client.force_login(membership.user)
    with translation.override("ar"):
        page = client.get(reverse("companies:team", args=[membership.company.pk]))
    assert page.status_code == 200
    assert "<bdi>Bottega Le Balze s.r.l.</bdi> ·" in page.content.decode()
