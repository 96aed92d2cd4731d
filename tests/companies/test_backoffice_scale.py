"""The staff queue under load: constant query counts (concurrent decisions: test_races)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import Company, CompanyStatus
from tests.factories.companies import (
    TerritoryFactory,
    partita_iva,
)
from tests.factories.users import moderator_of

LISTING_MAX = 25


def bulk_companies(territory, count, start=0):
    """``count`` submitted companies in one insert (valid, unique P.IVA)."""
    now = timezone.now()
    Company.objects.bulk_create(
        [
            Company(
                legal_name=f"Impresa {n:05d} s.r.l.",
                legal_form="srl",
                partita_iva=partita_iva(n),
                codice_fiscale=partita_iva(n),
                ateco_code="56.11.11",
                ateco_section="I",
                headcount=8,
                address="Via Roma 1",
                cap="53036",
                comune="Poggibonsi",
                provincia="SI",
                pec=f"impresa{n}@pec.example",
                phone="0577 000000",
                legal_representative="Maria Rossi",
                territory=territory,
                status=CompanyStatus.SUBMITTED,
                submitted_at=now,
            )
            for n in range(start, start + count)
        ],
        batch_size=2000,
    )


def count_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_listing_and_home_panel_queries_do_not_grow_from_10_to_10000(client, no_staff_mfa):
    territory = TerritoryFactory()
    moderator = moderator_of(territory)
    client.force_login(moderator)
    with translation.override("en"):
        listing = reverse("companies_admin:index")
        home = reverse("wagtailadmin_home")
    paths = {"listing": listing, "export": f"{listing}?export=csv", "home": home}
    counts = {name: [] for name in paths}
    bulk_companies(territory, 10, start=100000)
    for size in (10, 10000):
        if size == 10000:
            bulk_companies(territory, size - 10)
        for name, path in paths.items():
            client.get(path)  # warm caches
            counts[name].append(count_queries(client, path))
    for name, (small, large) in counts.items():
        assert small == large, (name, counts)
        assert large <= LISTING_MAX, (name, counts)
