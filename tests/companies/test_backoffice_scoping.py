"""Every admin URL of companies, documents and positions taking an id answers the same for
another territory's object as for a missing one: no existence oracle."""

import pytest
from django.urls import reverse
from django.utils import translation

from companies.backoffice.viewsets import CompanyViewSet, DocumentViewSet, PositionViewSet
from companies.models import Company, CompanyDocument, CompanyStatus, Position
from tests.factories.companies import PositionFactory, TerritoryFactory, accepted_documents
from tests.factories.users import moderator_of

pytestmark = pytest.mark.django_db

MISSING = 999_999_999
# Views that look an object up: 404 outside the user's scope. edit and decide refuse every
# id alike (403 and 405 on GET), which tells nothing either.
SCOPED = {
    "companies_admin": ["inspect", "history", "history_results", "usage", "delete"],
    "positions_admin": ["history", "history_results", "usage", "delete"],
    "documents_admin": ["history", "history_results", "usage", "delete"],
}
VIEWSETS = {"companies_admin": CompanyViewSet, "positions_admin": PositionViewSet}
VIEWSETS["documents_admin"] = DocumentViewSet


def admin_url(name, pk):
    with translation.override("en"):
        return reverse(name, args=[pk])


def urls_with_an_id(viewset):
    return {p.name for p in viewset().get_urlpatterns() if "pk" in str(p.pattern)}


@pytest.fixture
def foreign(no_staff_mfa):
    """A position and an accepted document of a company in the north; a southern moderator."""
    position = PositionFactory(company__status=CompanyStatus.APPROVED)
    accepted_documents(position.company)
    return {
        "companies_admin": position.company,
        "positions_admin": position,
        "documents_admin": CompanyDocument.objects.filter(company=position.company).first(),
        "outsider": moderator_of(TerritoryFactory()),
        "insider": moderator_of(position.company.territory),
    }


@pytest.mark.parametrize("viewset", sorted(VIEWSETS))
def test_every_url_with_an_id_is_listed_here(viewset):
    # A new URL taking an id must join SCOPED (or be shown to refuse every id alike).
    assert urls_with_an_id(VIEWSETS[viewset]) - set(SCOPED[viewset]) <= {"edit", "decide"}


@pytest.mark.parametrize(
    ("viewset", "view"), [(vs, view) for vs, views in SCOPED.items() for view in views]
)
def test_another_territorys_object_is_a_404_like_a_missing_one(client, foreign, viewset, view):
    client.force_login(foreign["outsider"])
    name = f"{viewset}:{view}"
    assert client.get(admin_url(name, foreign[viewset].pk)).status_code == 404
    assert client.get(admin_url(name, MISSING)).status_code == 404


@pytest.mark.parametrize("viewset", sorted(VIEWSETS))
def test_the_same_answer_for_every_url_whatever_the_id(client, foreign, viewset):
    client.force_login(foreign["outsider"])
    for view in urls_with_an_id(VIEWSETS[viewset]):
        name = f"{viewset}:{view}"
        existing = client.get(admin_url(name, foreign[viewset].pk)).status_code
        assert existing == client.get(admin_url(name, MISSING)).status_code, view


@pytest.mark.parametrize("viewset", sorted(VIEWSETS))
def test_a_foreign_delete_post_is_a_404_and_deletes_nothing(client, foreign, viewset):
    client.force_login(foreign["outsider"])
    response = client.post(admin_url(f"{viewset}:delete", foreign[viewset].pk))
    assert response.status_code == 404
    assert type(foreign[viewset]).objects.filter(pk=foreign[viewset].pk).exists()


def test_the_territorys_moderator_reaches_the_company_and_still_cannot_delete(client, foreign):
    client.force_login(foreign["insider"])
    company = foreign["companies_admin"]
    assert client.get(admin_url("companies_admin:inspect", company.pk)).status_code == 200
    response = client.post(admin_url("companies_admin:delete", company.pk))
    assert response.status_code == 403
    assert Company.objects.filter(pk=company.pk).exists()
    assert Position.objects.filter(pk=foreign["positions_admin"].pk).exists()
