"""The participants list answers with the same number of queries for 1 and 30 people."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories.companies import TerritoryFactory
from tests.factories.participants import PathFactory, moderator_for

pytestmark = pytest.mark.django_db


def test_the_list_has_constant_queries(client, no_staff_mfa):
    with translation.override("en"):
        address = reverse("participants_admin:index")
    counts = {}
    for size in (1, 30):
        territory = TerritoryFactory()
        staff = moderator_for(territory)
        operator = moderator_for(territory)
        PathFactory.create_batch(
            size, participant__territory=territory, participant__operator=operator
        )
        client.force_login(staff)
        client.get(address)
        ContentType.objects.clear_cache()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(address, {"stage": "referred"})
        assert response.status_code == 200
        assert response.text.count("PAR-") >= size
        counts[size] = len(captured)
    assert counts[1] == counts[30], counts
