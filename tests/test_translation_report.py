"""Translation coverage report: rows, filters, export, access and query count."""

import csv
import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.models import FundingDisclosure, HomePage, StandardPage
from tests.factories.users import UserFactory, admin_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]

REPORT_URL = "/admin/reports/translation-coverage/"
T0 = datetime.datetime(2025, 3, 1, 9, 0, tzinfo=datetime.UTC)


def at(hours):
    """Freeze the clock ``hours`` after T0, so publish order is deterministic."""
    return time_machine.travel(T0 + datetime.timedelta(hours=hours), tick=False)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def locale(code):
    return Locale.objects.get(language_code=code)


def home():
    return HomePage.objects.get(depth=2, locale=locale("it"))


def make_page(title, hours=0):
    with at(hours):
        page = home().add_child(instance=StandardPage(title=title, slug=slugify(title)))
        return publish(page)


def translate(page, code, hours):
    with at(hours):
        return publish(page.copy_for_translation(locale(code), copy_parents=True))


def export(client, **params):
    """The CSV export as a list of rows, headings first."""
    response = client.get(REPORT_URL, {"export": "csv", **params})
    assert response.status_code == 200
    return list(csv.reader(b"".join(response.streaming_content).decode().splitlines()))


def rows_for(client, title, **params):
    """(locale, state) pairs the report lists for ``title``."""
    return {(row[2], row[3]) for row in export(client, **params)[1:] if row[0] == title}


def submit_translation_permission():
    # wagtail-localize creates this permission in a data migration; the flush after a
    # live-server test removes it from a kept test database, so recreate it the same way.
    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return permission


class TestRows:
    def test_missing_translation_is_listed_for_each_locale(self, staff_client):
        make_page("Chi siamo")
        assert rows_for(staff_client, "Chi siamo") == {("en", "Missing"), ("ar", "Missing")}

    def test_up_to_date_translation_is_not_listed(self, staff_client):
        page = make_page("Chi siamo", hours=0)
        translate(page, "en", hours=1)
        assert rows_for(staff_client, "Chi siamo") == {("ar", "Missing")}

    def test_source_republished_after_translation_is_outdated(self, staff_client):
        page = make_page("Chi siamo", hours=0)
        translate(page, "en", hours=1)
        translate(page, "ar", hours=3)
        with at(2):
            publish(page)
        assert rows_for(staff_client, "Chi siamo") == {("en", "Outdated")}

        html = staff_client.get(REPORT_URL, {"state": "outdated"}).content.decode()
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.get_translation(locale("en")).pk])
        # A translation made outside wagtail-localize has nothing to sync: edit it directly.
        assert f'href="{edit_url}"' in html
        assert 'href="/admin/localize/update/' not in html

    def test_draft_only_translation_is_not_published(self, staff_client):
        page = make_page("Chi siamo")
        with at(1):
            page.copy_for_translation(locale("en"), copy_parents=True).save_revision()
        assert rows_for(staff_client, "Chi siamo") == {("en", "Not published"), ("ar", "Missing")}

    def test_snippet_without_translation_is_missing(self, staff_client):
        disclosure = FundingDisclosure.objects.create(
            name="Dichiarazione FSE+", programme="PR FSE+", statement="Cofinanziato dall'UE."
        )
        assert rows_for(staff_client, "Dichiarazione FSE+") == {
            ("en", "Missing"),
            ("ar", "Missing"),
        }
        response = staff_client.get(REPORT_URL, {"type": "home.fundingdisclosure"})
        submit_url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["home", "fundingdisclosure", disclosure.pk],
        )
        assert submit_url in response.content.decode()
        assert "Chi siamo" not in response.content.decode()

    def test_snippet_resent_for_translation_is_outdated_until_translated(self, staff_client):
        disclosure = FundingDisclosure.objects.create(
            name="Dichiarazione FSE+", programme="PR FSE+", statement="Cofinanziato dall'UE."
        )
        with at(0):
            source, _created = TranslationSource.get_or_create_from_instance(disclosure)
            translation = Translation.objects.create(source=source, target_locale=locale("en"))
            translation.save_target(publish=True)
        assert rows_for(staff_client, "Dichiarazione FSE+") == {("ar", "Missing")}

        with at(1):
            source.update_from_db()
        assert rows_for(staff_client, "Dichiarazione FSE+") == {
            ("en", "Outdated"),
            ("ar", "Missing"),
        }
        response = staff_client.get(REPORT_URL, {"locale": "en"})
        sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
        assert sync_url in response.content.decode()

        with at(2):
            po = translation.export_po()
            for entry in po:
                entry.msgstr = f"EN {entry.msgid}"
            translation.import_po(po)
        assert rows_for(staff_client, "Dichiarazione FSE+") == {("ar", "Missing")}


class TestFiltersAndExport:
    @pytest.fixture(autouse=True)
    def pages(self):
        outdated = make_page("Bandi", hours=0)
        translate(outdated, "en", hours=1)
        translate(outdated, "ar", hours=1)
        with at(2):
            publish(outdated)
        make_page("Contatti", hours=0)

    def test_filter_by_locale(self, staff_client):
        assert rows_for(staff_client, "Bandi", locale="en") == {("en", "Outdated")}
        assert rows_for(staff_client, "Contatti", locale="ar") == {("ar", "Missing")}

    def test_filter_by_state(self, staff_client):
        assert rows_for(staff_client, "Contatti", state="outdated") == set()
        assert rows_for(staff_client, "Bandi", state="outdated") == {
            ("en", "Outdated"),
            ("ar", "Outdated"),
        }
        response = staff_client.get(REPORT_URL, {"state": "missing", "locale": "ar"})
        assert response.status_code == 200
        assert "Contatti" in response.content.decode()
        assert "Bandi" not in response.content.decode()

    def test_csv_export_has_headings_and_rows(self, staff_client):
        response = staff_client.get(REPORT_URL, {"export": "csv"})
        assert response["Content-Disposition"].startswith(
            'attachment; filename="translation-coverage-'
        )
        rows = export(staff_client, locale="en")
        assert rows[0] == [
            "Object",
            "Type",
            "Locale",
            "State",
            "Source last published",
            "Translation last published",
        ]
        assert ["Bandi", "Standard page", "en", "Outdated"] in [row[:4] for row in rows]
        bandi = next(row for row in rows if row[0] == "Bandi")
        assert bandi[4:] == ["2025-03-01 11:00:00+00:00", "2025-03-01 10:00:00+00:00"]
        assert [
            "Contatti",
            "Standard page",
            "en",
            "Missing",
            "2025-03-01 09:00:00+00:00",
            "",
        ] in rows
        assert {row[2] for row in rows[1:]} == {"en"}

    def test_xlsx_export(self, staff_client):
        response = staff_client.get(REPORT_URL, {"export": "xlsx"})
        assert response.status_code == 200
        assert response["Content-Type"] == (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )


class TestAccess:
    def staff(self, *permissions):
        user = admin_user(UserFactory(is_staff=True))
        access_admin = Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        user.user_permissions.add(access_admin, *permissions)
        return user

    def test_anonymous_is_sent_to_login(self, client):
        response = client.get(REPORT_URL)
        assert response.status_code == 302
        assert response["Location"] == f"/it/accounts/login/?next={REPORT_URL}"

    def test_user_without_admin_access_is_sent_to_their_area_not_to_login(self, client):
        # The login page would send a signed-in user straight back: a redirect loop.
        client.force_login(UserFactory())
        response = client.get(REPORT_URL)
        assert response.status_code == 302
        assert response["Location"] == "/it/companies/"

    def test_staff_without_permission_is_sent_back_to_dashboard(self, client):
        client.force_login(self.staff())
        response = client.get(REPORT_URL)
        # Wagtail turns PermissionDenied into a redirect to the dashboard with an error.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        messages = list(get_messages(response.wsgi_request))
        assert [message.level_tag for message in messages] == ["error"]
        assert client.get("/admin/reports/translation-coverage/results/").status_code == 302
        dashboard = client.get("/admin/")
        assert dashboard.status_code == 200
        assert "translation-coverage" not in dashboard.content.decode()

    def test_staff_with_permission_sees_report_and_menu_item(self, client):
        client.force_login(self.staff(submit_translation_permission()))
        assert client.get(REPORT_URL).status_code == 200
        assert REPORT_URL in client.get("/admin/").content.decode()

    def test_superuser_sees_report(self, staff_client):
        response = staff_client.get(REPORT_URL)
        assert response.status_code == 200
        assert "Translation coverage" in response.content.decode()


def test_query_count_does_not_grow_with_pages(staff_client):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(REPORT_URL).status_code == 200
        return len(queries)

    def add_pages(start, stop):
        for number in range(start, stop):
            page = make_page(f"Pagina {number}", hours=0)
            if number % 3 == 0:
                translate(page, "en", hours=1)

    add_pages(0, 3)
    count_queries()  # Warm per-process caches (content types, site root paths).
    few = count_queries()
    add_pages(3, 30)
    assert count_queries() == few
