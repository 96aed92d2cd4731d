"""Staff back office for host companies: scoping by territory, decisions, e-mails, exports."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission

from companies.models import CompanyEvent, CompanyLogEntry, CompanyStatus
from companies.services.status import move_company
from tests.factories.companies import (
    CompanyFactory,
    MembershipFactory,
    TerritoryFactory,
    complete_dossier,
)
from tests.factories.users import (
    StaffUserFactory,
    UserFactory,
    admin_user,
    moderator_of,
    staff_in_group,
)

pytestmark = pytest.mark.django_db


def submitted(territory, **kwargs):
    company = complete_dossier(CompanyFactory(territory=territory, **kwargs))
    move_company(company, "submit")
    return company


@pytest.fixture
def world(no_staff_mfa):
    north = TerritoryFactory(name="Alta Val d'Elsa", code="alta-val-elsa")
    south = TerritoryFactory(name="Val di Merse", code="val-di-merse")
    ours = submitted(north, legal_name="Forno Nord s.r.l.")
    theirs = submitted(south, legal_name="Cantina Sud s.r.l.")
    return {
        "north": north,
        "south": south,
        "ours": ours,
        "theirs": theirs,
        "moderator": moderator_of(north),
        "other_moderator": moderator_of(south),
        "editor": staff_in_group("Editors"),
        "superuser": admin_user(StaffUserFactory()),
        "company_user": MembershipFactory(company=ours).user,
    }


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def urls(company):
    index = admin_url("companies_admin:index")
    return {
        "list": index,
        "csv": f"{index}?export=csv&status=",
        "xlsx": f"{index}?export=xlsx&status=",
        "review": admin_url("companies_admin:inspect", company.pk),
        "positions": admin_url("positions_admin:index"),
        "documents": admin_url("documents_admin:index"),
    }


def assert_refused(response, who=None):
    """Refused without showing anything: signed-out users go to the login, everyone else
    gets a 403 (another territory's company: 404)."""
    if who is None:
        assert response.status_code == 302
        assert response["Location"].split("?")[0] == "/it/accounts/login/"
    else:
        assert response.status_code in (403, 404), response.status_code
    assert b"Forno Nord" not in response.content


class TestPermissionMatrix:
    """Every back-office URL × anonymous, company user, editor, both moderators, superuser."""

    @pytest.mark.parametrize("name", ["list", "csv", "xlsx", "review", "positions", "documents"])
    @pytest.mark.parametrize("who", [None, "company_user", "editor"])
    def test_outsiders_are_refused(self, client, world, name, who):
        if who:
            client.force_login(world[who])
        response = client.get(urls(world["ours"])[name])
        assert_refused(response, who)

    @pytest.mark.parametrize("who", [None, "company_user", "editor", "other_moderator"])
    def test_outsiders_cannot_decide(self, client, world, who):
        if who:
            client.force_login(world[who])
        response = client.post(
            admin_url("companies_admin:decide", world["ours"].pk), {"action": "approve"}
        )
        assert_refused(response, who)
        world["ours"].refresh_from_db()
        assert world["ours"].status == CompanyStatus.SUBMITTED

    def test_a_moderator_sees_only_their_territory(self, client, world):
        client.force_login(world["moderator"])
        listing = client.get(urls(world["ours"])["list"])
        assert listing.status_code == 200
        assert "Forno Nord" in listing.text and "Cantina Sud" not in listing.text
        assert client.get(urls(world["ours"])["review"]).status_code == 200
        assert client.get(urls(world["theirs"])["review"]).status_code == 404
        positions = client.get(urls(world["ours"])["positions"])
        assert "Forno Nord" in positions.text and "Cantina Sud" not in positions.text
        assert client.get(urls(world["ours"])["documents"]).status_code == 200

    def test_the_superuser_sees_every_territory(self, client, world):
        client.force_login(world["superuser"])
        listing = client.get(urls(world["ours"])["list"])
        assert "Forno Nord" in listing.text and "Cantina Sud" in listing.text
        assert client.get(urls(world["theirs"])["review"]).status_code == 200
        assert client.get(urls(world["ours"])["documents"]).status_code == 200

    def test_generic_edit_and_delete_are_refused_even_to_superusers(self, client, world):
        client.force_login(world["superuser"])
        pk = world["ours"].pk
        for name in ("edit", "delete"):
            url = admin_url(f"companies_admin:{name}", pk)
            assert client.post(url, {"legal_name": "X"}).status_code == 403
        assert client.get(admin_url("companies_admin:add")).status_code == 403
        assert client.get(admin_url("companies_admin:history", pk)).status_code == 403
        world["ours"].refresh_from_db()
        assert world["ours"].legal_name == "Forno Nord s.r.l."


class TestQueue:
    def test_default_view_is_awaiting_review_oldest_first(self, client, world):
        CompanyFactory(territory=world["north"], legal_name="Bozza Nord")
        submitted(world["north"], legal_name="Officina Nord")
        client.force_login(world["moderator"])
        listing = client.get(urls(world["ours"])["list"]).text
        assert "Bozza Nord" not in listing
        assert listing.index("Forno Nord") < listing.index("Officina Nord")
        everything = client.get(f"{urls(world['ours'])['list']}?status=").text
        assert "Bozza Nord" in everything

    def test_a_row_opens_the_review_from_its_title_with_no_menu_repeating_it(self, client, world):
        client.force_login(world["moderator"])
        listing = client.get(urls(world["ours"])["list"]).text
        review = urls(world["ours"])["review"]
        start = listing.index('<table class="listing"')
        table = listing[start : listing.index("</table>", start)]
        assert table.count(f'href="{review}"') == 1
        assert 'data-controller="w-dropdown"' not in table

    @pytest.mark.parametrize(
        ("query", "found"),
        [
            ("q=Forno", True),
            ("q=Cantina", False),
            ("ateco_section=I", True),
            ("ateco_section=C", False),
            ("submitted_at_from=2000-01-01", True),
            ("submitted_at_to=2000-01-01", False),
        ],
    )
    def test_search_and_filters(self, client, world, query, found):
        client.force_login(world["superuser"])
        listing = client.get(f"{urls(world['ours'])['list']}?{query}").text
        assert ("Forno Nord" in listing) is found

    def test_partita_iva_search(self, client, world):
        client.force_login(world["moderator"])
        listing = client.get(f"{urls(world['ours'])['list']}?q={world['ours'].partita_iva}")
        assert "Forno Nord" in listing.text

    def test_exports_hold_only_the_territorys_companies(self, client, world):
        client.force_login(world["moderator"])
        rows = list(
            csv.reader(io.StringIO(client.get(urls(world["ours"])["csv"]).getvalue().decode()))
        )
        assert len(rows[0]) == 16  # the headings
        assert [row[0] for row in rows[1:]] == ["Forno Nord s.r.l."]
        assert rows[1][1] == world["ours"].partita_iva
        xlsx = client.get(urls(world["ours"])["xlsx"])
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
        assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
            "Forno Nord s.r.l."
        ]

    def test_the_home_panel_and_menu_count_what_awaits_review(self, client, world):
        client.force_login(world["moderator"])
        home = client.get(admin_url("wagtailadmin_home")).text
        assert 'id="awaiting-review-panel"' in home
        assert "1 company" in home
        assert "Companies (1)" in home


class TestDecisions:
    def _decide(self, client, company, **data):
        return client.post(admin_url("companies_admin:decide", company.pk), data, follow=True)

    def test_approve_logs_and_tells_every_member_in_their_language(
        self, client, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        MembershipFactory(company=world["ours"], user__preferred_language="en")
        client.force_login(world["moderator"])
        with django_capture_on_commit_callbacks(execute=True):
            response = self._decide(client, world["ours"], action="approve")
        assert "approved" in response.text
        world["ours"].refresh_from_db()
        assert world["ours"].status == CompanyStatus.APPROVED
        assert world["ours"].decided_at is not None
        assert CompanyLogEntry.objects.filter(action="approdo.company.approve").count() == 1
        subjects = sorted(m.subject for m in mailoutbox)
        assert len(subjects) == 2
        assert any("approvata come impresa ospitante" in s for s in subjects)
        assert any("is approved as a host company" in s for s in subjects)

    @pytest.mark.parametrize("action", ["request_changes", "reject"])
    def test_a_message_is_required_to_request_changes_or_reject(self, client, world, action):
        client.force_login(world["moderator"])
        response = self._decide(client, world["ours"], action=action, message="  ")
        assert "Write what the company should change" in response.text
        world["ours"].refresh_from_db()
        assert world["ours"].status == CompanyStatus.SUBMITTED

    def test_request_changes_then_resubmit_reaches_the_moderators(
        self, client, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        client.force_login(world["moderator"])
        with django_capture_on_commit_callbacks(execute=True):
            self._decide(
                client, world["ours"], action="request_changes", message="Manca la PEC corretta."
            )
        company_mail = [m for m in mailoutbox if world["company_user"].email in m.to]
        assert "Manca la PEC corretta." in company_mail[0].body
        member = MembershipFactory(company=world["ours"]).user
        client.force_login(member)
        dashboard = client.get(reverse("companies:dashboard", args=[world["ours"].pk]))
        assert "Manca la PEC corretta." in dashboard.text
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("companies:submit", args=[world["ours"].pk]))
        recipients = {address for m in mailoutbox for address in m.to}
        assert world["moderator"].email in recipients
        assert world["other_moderator"].email not in recipients
        assert world["company_user"].email in recipients

    def test_a_stale_decision_says_who_decided_and_when(self, client, world):
        client.force_login(world["moderator"])
        self._decide(client, world["ours"], action="approve")
        colleague = moderator_of(world["north"])
        client.force_login(colleague)
        response = self._decide(client, world["ours"], action="reject", message="No.")
        assert "Already decided by" in response.text
        assert str(world["moderator"]) in response.text
        world["ours"].refresh_from_db()
        assert world["ours"].status == CompanyStatus.APPROVED
        assert CompanyEvent.objects.filter(company=world["ours"]).count() == 2

    def test_a_moderator_without_the_review_permission_can_look_but_not_decide(self, client, world):
        viewer = UserFactory(is_staff=True)
        admin_user(viewer, "wagtailadmin.access_admin", "companies.view_company")
        world["north"].moderators.add(viewer)
        client.force_login(viewer)
        assert client.get(urls(world["ours"])["review"]).status_code == 200
        response = client.post(
            admin_url("companies_admin:decide", world["ours"].pk), {"action": "approve"}
        )
        assert response.status_code == 403
        world["ours"].refresh_from_db()
        assert world["ours"].status == CompanyStatus.SUBMITTED


class TestGroups:
    def test_groups_exist_and_moderators_no_longer_publish_pages(self):
        moderators = Group.objects.get(name="Moderators")
        codenames = set(moderators.permissions.values_list("codename", flat=True))
        assert {"access_admin", "view_company", "review_company"} <= codenames
        assert not GroupPagePermission.objects.filter(group=moderators).exists()
        tutors = Group.objects.get(name="Tutors")
        assert tutors.permissions.filter(codename="manage_placement").exists()
        assert moderators.permissions.filter(codename="manage_placement").exists()
        assert Group.objects.filter(name="Editors").exists()

    def test_the_migration_is_reversible(self):
        from importlib import import_module

        from django.apps import apps

        migration = import_module("companies.migrations.0007_sections_and_staff_groups")
        migration.backwards(apps, None)
        moderators = Group.objects.get(name="Moderators")
        assert not Group.objects.filter(name="Tutors").exists()
        assert not moderators.permissions.filter(codename="review_company").exists()
        assert GroupPagePermission.objects.filter(group=moderators).exists()
        migration.forwards(apps, None)
        assert moderators.permissions.filter(codename="review_company").exists()


def test_custom_permissions_appear_in_the_group_editor(client, no_staff_mfa):
    client.force_login(admin_user(StaffUserFactory()))
    group = Group.objects.get(name="Moderators")
    page = client.get(admin_url("wagtailusers_groups:edit", group.pk))
    assert page.status_code == 200
    assert "decide on host companies" in page.text


def test_the_review_keeps_names_and_addresses_in_their_own_direction(client, world):
    """On Arabic pages the PEC address read "pec.example@01234560520" and the name's full stop
    moved to its start: Latin values are isolated from the right-to-left text around them."""
    client.force_login(world["moderator"])
    company = world["ours"]
    page = client.get(admin_url("companies_admin:inspect", company.pk)).text
    assert "<bdi>Forno Nord s.r.l.</bdi>" in page
    assert f'<bdi dir="ltr">{company.pec}</bdi>' in page
    assert f'<bdi dir="ltr">{company.phone}</bdi>' in page
