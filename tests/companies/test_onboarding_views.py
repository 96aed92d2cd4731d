"""Company onboarding, step 1 and submission: validation, isolation, double submit."""

import datetime

import pytest
from django.urls import URLPattern, reverse
from django.utils import timezone

from companies import urls as company_urls
from companies.models import Company, CompanyEvent, CompanyLogEntry, CompanyStatus, Membership
from companies.services.status import move_company
from tests.factories.companies import (
    CompanyFactory,
    MembershipFactory,
    OperatingSiteFactory,
    TerritoryFactory,
    complete_dossier,
)
from tests.factories.pages import CallIndexPageFactory, CallPageFactory, home_page
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def identity_data(territory_obj, **overrides):
    data = {
        "legal_name": "Forno Valdelsa s.r.l.",
        "legal_form": "srl",
        "codice_fiscale": "06363391001",
        "partita_iva": "IT 06363391001",
        "ateco_code": "107110",
        "headcount": "8",
        "legal_representative": "Maria Rossi",
        "address": "Via Roma 1",
        "cap": "53036",
        "comune": "poggibonsi",
        "provincia": "si",
        "pec": "forno@pec.example",
        "phone": "+39 0577 000000",
        "territory": str(territory_obj.pk),
    }
    data.update(overrides)
    return data


@pytest.fixture
def territory():
    return TerritoryFactory(name="Alta Val d'Elsa", code="alta-val-elsa")


@pytest.fixture
def member_client(client):
    user = UserFactory()
    client.force_login(user)
    client.user = user
    return client


class TestStart:
    def test_verified_user_creates_a_draft_and_becomes_its_admin(self, member_client, territory):
        response = member_client.post("/it/companies/new/", identity_data(territory))
        company = Company.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/it/companies/{company.pk}/"
        assert company.status == CompanyStatus.DRAFT
        # Normalised values: compact P.IVA, dotted ATECO, official comune, upper-case province.
        assert (company.partita_iva, company.ateco_code) == ("06363391001", "10.71.10")
        assert (company.comune, company.provincia) == ("Poggibonsi", "SI")
        membership = Membership.objects.get(company=company)
        assert membership.user == member_client.user and membership.is_admin
        assert CompanyLogEntry.objects.filter(action="approdo.company.create").count() == 1
        dashboard = member_client.get(response["Location"])
        assert "Produzione di pane" in company.ateco_title
        assert company.ateco_title in dashboard.text
        assert dashboard["Cache-Control"].startswith("max-age=0")
        assert "private" in dashboard["Cache-Control"]

    def test_unverified_user_cannot_start_a_dossier(self, client, territory):
        user = UserFactory(verified=False)
        client.force_login(user)
        response = client.get("/it/companies/new/")
        assert 'name="partita_iva"' not in response.text
        client.post("/it/companies/new/", identity_data(territory))
        assert not Company.objects.exists()

    def test_anonymous_is_sent_to_login(self, client):
        response = client.get("/it/companies/new/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("partita_iva", "06363391002", "cifra di controllo"),
            ("ateco_code", "56.10.11", "non è un codice ATECO 2025"),
            ("ateco_code", "56", "gruppo di attività"),
            ("cap", "50100", "non appartiene a Poggibonsi"),
            ("provincia", "FI", "si trova in provincia di SI"),
            ("comune", "Atlantide", "Non troviamo un comune"),
            ("headcount", "-3", ""),
            ("pec", "non-una-pec", ""),
            ("territory", "999999", ""),
        ],
    )
    def test_bad_input_is_refused_with_a_message_and_nothing_stored(
        self, member_client, territory, field, value, message
    ):
        response = member_client.post(
            "/it/companies/new/", identity_data(territory, **{field: value})
        )
        assert response.status_code == 200
        assert 'aria-invalid="true"' in response.text
        if message:
            assert message in response.text
        assert not Company.objects.exists()
        assert not Membership.objects.exists()

    def test_an_existing_partita_iva_points_to_joining_the_company(self, member_client, territory):
        CompanyFactory(partita_iva="06363391001")
        response = member_client.post("/it/companies/new/", identity_data(territory))
        assert Company.objects.count() == 1
        assert "chiedi di entrare" in response.text
        assert 'href="/it/companies/join/?partita_iva=IT+06363391001"' in response.text

    def test_tampered_status_is_ignored(self, member_client, territory):
        member_client.post("/it/companies/new/", identity_data(territory, status="approved"))
        assert Company.objects.get().status == CompanyStatus.DRAFT


class TestSubmit:
    def test_double_submit_creates_one_submission(self, member_client):
        company = complete_dossier(MembershipFactory(user=member_client.user).company)
        url = reverse("companies:submit", args=[company.pk])
        first, second = member_client.post(url), member_client.post(url)
        assert first.status_code == second.status_code == 302
        company.refresh_from_db()
        assert company.status == CompanyStatus.SUBMITTED
        assert CompanyEvent.objects.filter(company=company).count() == 1
        assert CompanyLogEntry.objects.filter(action="approdo.company.submit").count() == 1

    def test_identity_cannot_change_while_under_review(self, member_client, territory):
        company = MembershipFactory(user=member_client.user, company__territory=territory).company
        move_company(company, "submit")
        url = reverse("companies:identity", args=[company.pk])
        member_client.post(url, identity_data(territory, legal_name="Nome cambiato"))
        company.refresh_from_db()
        assert company.legal_name != "Nome cambiato"

    def test_changes_requested_can_be_edited_and_resubmitted(self, member_client, territory):
        company = MembershipFactory(user=member_client.user, company__territory=territory).company
        complete_dossier(company)
        move_company(company, "submit")
        move_company(company, "request_changes", message="Correggere la PEC.")
        data = identity_data(
            territory,
            partita_iva=company.partita_iva,
            codice_fiscale=company.codice_fiscale,
            pec="nuova@pec.example",
        )
        member_client.post(reverse("companies:identity", args=[company.pk]), data)
        company.refresh_from_db()
        assert company.pec == "nuova@pec.example"
        dashboard = member_client.get(reverse("companies:dashboard", args=[company.pk]))
        assert "Correggere la PEC." in dashboard.text
        member_client.post(reverse("companies:submit", args=[company.pk]))
        company.refresh_from_db()
        assert company.status == CompanyStatus.SUBMITTED


# Company URLs whose isolation is asserted; the per-object ones are covered in TestSites,
# TestPositions, tests/companies/test_team.py, test_documents.py, test_interns.py and
# tests/participants/test_internship_months.py.
COVERED = [
    "dashboard",
    "documents",
    "document_upload",
    "document_download",
    "document_withdraw",
    "intern_card",
    "placement_decide",
    "internship_attendance",
    "identity",
    "declarations",
    "submit",
    "team",
    "invite",
    "invitation_revoke",
    "member_role",
    "member_remove",
    "leave",
    "join_request_decide",
    "sites",
    "site_add",
    "site_edit",
    "site_delete",
    "positions",
    "position_add",
    "position_edit",
    "position_delete",
]


def company_urls_with_pk():
    return [
        p.name
        for p in company_urls.urlpatterns
        if isinstance(p, URLPattern) and "<int:pk>" in str(p.pattern)
    ]


class TestIsolation:
    def test_every_company_url_is_covered(self):
        # When a new company URL appears, add it here so its isolation is asserted below.
        assert set(company_urls_with_pk()) == set(COVERED)

    @pytest.mark.parametrize(
        "name",
        [
            "dashboard",
            "identity",
            "declarations",
            "submit",
            "sites",
            "site_add",
            "positions",
            "position_add",
            "team",
            "invite",
            "leave",
            "documents",
        ],
    )
    def test_another_companys_id_is_a_404(self, member_client, territory, name):
        MembershipFactory(user=member_client.user)
        foreign = CompanyFactory()
        url = reverse(f"companies:{name}", args=[foreign.pk])
        assert member_client.get(url).status_code in (404, 405)
        assert member_client.post(url, identity_data(territory)).status_code == 404
        foreign.refresh_from_db()
        assert foreign.status == CompanyStatus.DRAFT
        assert foreign.memberships.count() == 0
        assert not foreign.declarations.exists()
        missing = reverse(f"companies:{name}", args=[foreign.pk + 1000])
        assert member_client.post(missing).status_code == 404


class TestCallPreselection:
    def _call(self, **kwargs):
        index = CallIndexPageFactory(parent=home_page())
        return CallPageFactory(parent=index, **kwargs)

    def test_open_call_for_host_companies_is_preselected(self, member_client):
        call = self._call(title="Avviso aziende 2026")
        response = member_client.get(f"/it/companies/new/?call={call.translation_key}")
        assert "Avviso aziende 2026" in response.text

    def test_a_mangled_call_link_is_answered_not_crashed(self, member_client):
        response = member_client.get("/it/companies/new/?call=not-a-uuid", follow=True)
        assert response.status_code == 200
        assert "non esiste" in response.text

    def test_closed_call_is_refused_with_a_message(self, member_client):
        now = timezone.now()
        call = self._call(
            title="Avviso 2025",
            opens_at=now - datetime.timedelta(days=90),
            closes_at=now - datetime.timedelta(days=30),
        )
        response = member_client.get(f"/it/companies/new/?call={call.translation_key}", follow=True)
        assert "è chiuso" in response.text


def test_company_users_land_in_onboarding_after_login(client):
    user = UserFactory()
    response = client.post(
        "/it/accounts/login/", {"login": user.email, "password": "a-Long-test-passphrase-42"}
    )
    assert response["Location"] == "/it/companies/"


def site_data(**overrides):
    data = {
        "name": "Laboratorio",
        "address": "Via del Commercio 4",
        "cap": "53036",
        "comune": "Poggibonsi",
        "provincia": "SI",
        "step_free_access": "on",
        "public_transport_nearby": "on",
        "accessibility_notes": "Ingresso a livello strada.",
    }
    data.update(overrides)
    return data


class TestSites:
    def test_add_change_and_remove_a_site(self, member_client):
        company = MembershipFactory(user=member_client.user).company
        response = member_client.post(reverse("companies:site_add", args=[company.pk]), site_data())
        assert response.status_code == 302
        site = company.sites.get()
        assert site.step_free_access and not site.accessible_toilet
        member_client.post(
            reverse("companies:site_edit", args=[company.pk, site.pk]),
            site_data(name="Magazzino", accessible_toilet="on"),
        )
        site.refresh_from_db()
        assert (site.name, site.accessible_toilet) == ("Magazzino", True)
        listing = member_client.get(reverse("companies:sites", args=[company.pk]))
        assert "Magazzino" in listing.text
        member_client.post(reverse("companies:site_delete", args=[company.pk, site.pk]))
        assert not company.sites.exists()

    def test_location_mismatch_is_refused(self, member_client):
        company = MembershipFactory(user=member_client.user).company
        response = member_client.post(
            reverse("companies:site_add", args=[company.pk]), site_data(cap="50100")
        )
        assert response.status_code == 200
        assert "non appartiene a Poggibonsi" in response.text
        assert not company.sites.exists()

    def test_sites_are_frozen_while_under_review(self, member_client):
        company = MembershipFactory(user=member_client.user).company
        member_client.post(reverse("companies:site_add", args=[company.pk]), site_data())
        move_company(company, "submit")
        site = company.sites.get()
        member_client.post(reverse("companies:site_delete", args=[company.pk, site.pk]))
        member_client.post(
            reverse("companies:site_add", args=[company.pk]), site_data(name="Altro")
        )
        assert list(company.sites.values_list("name", flat=True)) == ["Laboratorio"]

    def test_another_companys_site_is_a_404(self, member_client):
        mine = MembershipFactory(user=member_client.user).company
        foreign = CompanyFactory()
        foreign_site = OperatingSiteFactory(company=foreign)
        for name in ("site_edit", "site_delete"):
            # Through my company's URL or the other company's: the site is not mine.
            for company in (mine, foreign):
                url = reverse(f"companies:{name}", args=[company.pk, foreign_site.pk])
                assert member_client.post(url, site_data(name="Preso")).status_code == 404
        foreign_site.refresh_from_db()
        assert foreign_site.name == "Laboratorio"
