"""A company in a project with its terms, a placement, a test CA trusted by the settings."""

import pytest

from agreements.models import ProjectTerms, Signatory, SignatoryRole
from companies.models import CompanyStatus, Membership, MembershipRole
from tests.agreements import pki
from tests.factories.companies import (
    CompanyFactory,
    PlacementFactory,
    PositionFactory,
    TerritoryFactory,
)
from tests.factories.participants import ProjectFactory
from tests.factories.users import UserFactory


@pytest.fixture(scope="session")
def test_pki():
    """Keys and certificates, made once for the whole run."""
    return pki.build()


@pytest.fixture
def trusted(settings, tmp_path, test_pki):
    """The deployer's trust list: the test CA only."""
    path = tmp_path / "trusted.pem"
    path.write_bytes(test_pki.trust_list_pem())
    settings.APPRODO_TRUSTED_CERTIFICATES = str(path)
    return path


@pytest.fixture
def world(db, private_dir, trusted):
    """A company (its legal representative declared), a member, a project, a placement."""
    territory = TerritoryFactory()
    company = CompanyFactory(
        territory=territory, status=CompanyStatus.APPROVED, legal_name="Trattoria Sole s.r.l."
    )
    project = ProjectFactory(name="Approdo Valdelsa")
    project.territories.add(territory)
    ProjectTerms.objects.create(
        project=project,
        promoter_name="Consorzio Sociale",
        promoter_representative="Anna Neri",
        insurance_inail="PAT 12345678",
        insurance_liability="Assicurazioni Esempio, polizza 987",
    )
    Signatory.objects.create(
        company=company,
        role=SignatoryRole.LEGAL_REPRESENTATIVE,
        full_name="Maria Rossi",
        tax_code=pki.LEGAL_REPRESENTATIVE_CF,
    )
    user = UserFactory()
    Membership.objects.create(user=user, company=company, role=MembershipRole.ADMIN)
    position = PositionFactory(company=company, title="Aiuto cuoco", tasks="Preparare le verdure.")
    placement = PlacementFactory(
        company=company,
        site=position.site,
        position=position,
        participant__territory=territory,
        participant__given_name="Giovanna",
        participant__family_name="Esposito",
        participant__preferred_name="Gio",
    )
    return type(
        "World",
        (),
        {
            "company": company,
            "project": project,
            "user": user,
            "placement": placement,
            "territory": territory,
        },
    )
