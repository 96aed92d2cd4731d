"""Step 4 and sending: declarations signed by a named person, completeness before submit."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from companies.completeness import missing_steps
from companies.models import (
    CompanyDeclaration,
    CompanyEvent,
    CompanyLogEntry,
    CompanyStatus,
    DeclarationItem,
)
from companies.services.status import move_company
from tests.factories.companies import (
    CompanyDeclarationFactory,
    MembershipFactory,
    OperatingSiteFactory,
    PositionFactory,
    complete_dossier,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    user = UserFactory()
    client.force_login(user)
    client.company = MembershipFactory(user=user).company
    client.user = user
    return client


def ticked_all(**overrides):
    data = {"declarant_name": "Maria Rossi", "declarant_role": "Legale rappresentante"}
    for item in DeclarationItem.objects.for_language("it"):
        data[f"item_{item.translation_key.hex}"] = "on"
    data.update(overrides)
    return data


def url(company, name="declarations"):
    with translation.override("it"):
        return reverse(f"companies:{name}", args=[company.pk])


class TestShippedItems:
    def test_five_items_in_each_language_with_the_legal_references(self):
        for code in ("it", "en", "ar"):
            assert len(DeclarationItem.objects.for_language(code)) == 5
        italian = " ".join(item.text for item in DeclarationItem.objects.for_language("it"))
        assert "D.lgs. 81/2008" in italian
        assert "licenziamenti collettivi" in italian
        assert "2016/679" in italian

    def test_a_missing_translation_falls_back_to_the_default_language(self):
        item = DeclarationItem.objects.create(
            text="Nuova dichiarazione.", sort_order=99, locale=Locale.get_default()
        )
        english = DeclarationItem.objects.for_language("en")
        assert english[-1].pk == item.pk
        assert len(english) == 6

    def test_retired_items_are_not_asked(self):
        first = DeclarationItem.objects.for_language("it")[0]
        DeclarationItem.objects.filter(translation_key=first.translation_key).update(active=False)
        assert first.translation_key not in {
            item.translation_key for item in DeclarationItem.objects.for_language("it")
        }


class TestSigning:
    def test_signing_stores_the_person_the_time_and_the_texts(self, member):
        response = member.post(url(member.company), ticked_all())
        assert response.status_code == 302
        declaration = CompanyDeclaration.objects.get()
        assert declaration.declarant_name == "Maria Rossi"
        assert declaration.declarant_role == "Legale rappresentante"
        assert declaration.signed_by == member.user
        assert declaration.language == "it"
        assert declaration.signed_at is not None
        texts = [entry["text"] for entry in declaration.items]
        assert texts == [item.text for item in DeclarationItem.objects.for_language("it")]
        assert CompanyLogEntry.objects.filter(action="approdo.company.declare").count() == 1

    def test_form_shows_the_items_and_the_legal_preamble(self, member):
        response = member.get(url(member.company))
        assert "D.lgs. 81/2008" in response.text
        assert "445/2000" in response.text
        # The legal representative from step 1 is proposed as the declaring person.
        assert 'value="Maria Rossi"' in response.text

    @pytest.mark.parametrize("missing", ["box", "declarant_name", "declarant_role"])
    def test_an_unticked_box_or_missing_name_is_refused(self, member, missing):
        data = ticked_all()
        if missing == "box":
            first = DeclarationItem.objects.for_language("it")[0]
            del data[f"item_{first.translation_key.hex}"]
        else:
            data[missing] = ""
        response = member.post(url(member.company), data)
        assert response.status_code == 200
        assert 'aria-invalid="true"' in response.text
        if missing == "box":
            assert "Spunta questa casella per rendere la dichiarazione." in response.text
        assert not CompanyDeclaration.objects.exists()

    def test_a_changed_wording_asks_to_sign_again(self, member):
        member.post(url(member.company), ticked_all())
        assert not [s for s in missing_steps(member.company) if s.name == "declarations"]
        item = DeclarationItem.objects.for_language("it")[1]
        item.text = item.text + " (testo aggiornato)"
        item.save()
        gaps = [s.name for s in missing_steps(member.company)]
        assert "declarations" in gaps
        dashboard = member.get(url(member.company, "dashboard"))
        assert "firmale di nuovo" in dashboard.text

    def test_signing_in_english_keeps_the_english_texts(self, member):
        english = DeclarationItem.objects.for_language("en")
        data = ticked_all()
        response = member.post(f"/en/companies/{member.company.pk}/declarations/", data)
        assert response.status_code == 302
        declaration = CompanyDeclaration.objects.get()
        assert declaration.language == "en"
        assert [entry["text"] for entry in declaration.items] == [i.text for i in english]
        assert declaration.is_current()

    def test_a_dossier_under_review_cannot_be_signed(self, member):
        complete_dossier(member.company)
        move_company(member.company, "submit")
        member.post(url(member.company), ticked_all(declarant_name="Altra Persona"))
        assert not CompanyDeclaration.objects.filter(declarant_name="Altra Persona").exists()


class TestCompleteness:
    def test_an_incomplete_dossier_is_not_sent_and_says_what_is_missing(self, member):
        response = member.post(url(member.company, "submit"), follow=True)
        member.company.refresh_from_db()
        assert member.company.status == CompanyStatus.DRAFT
        assert not CompanyEvent.objects.exists()
        assert "non è ancora completa" in response.text
        for label in ("Sedi operative", "Posti di tirocinio offerti", "Dichiarazioni"):
            assert label in response.text

    def test_each_missing_step_blocks_sending(self, member):
        company = member.company
        assert [s.name for s in missing_steps(company)] == ["sites", "positions", "declarations"]
        OperatingSiteFactory(company=company)
        assert [s.name for s in missing_steps(company)] == ["positions", "declarations"]
        PositionFactory(company=company, site=company.sites.get())
        assert [s.name for s in missing_steps(company)] == ["declarations"]
        CompanyDeclarationFactory(company=company)
        assert missing_steps(company) == []
        member.post(url(company, "submit"))
        company.refresh_from_db()
        assert company.status == CompanyStatus.SUBMITTED

    def test_the_dashboard_lists_the_steps_to_do(self, member):
        response = member.get(url(member.company, "dashboard"))
        todo = response.context["todo"]
        assert [item.url for item in todo] == [
            url(member.company, "sites"),
            url(member.company, "positions"),
            url(member.company, "declarations"),
        ]
        complete_dossier(member.company)
        response = member.get(url(member.company, "dashboard"))
        assert [item.url for item in response.context["todo"]] == ["#send-dossier"]
