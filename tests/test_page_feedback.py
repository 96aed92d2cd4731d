"""'Was this page useful?': the widget, the form page, rate limits and the staff reports.

Messages are checked on /en/ URLs and in an English admin: Italian is the default language
and its translations are filled in separately.
"""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail import hooks
from wagtail.models import Locale, PageViewRestriction

from home.feedback import PageFeedback, scrub_comment
from home.models import HomePage, StandardPage
from tests.factories.users import UserFactory, admin_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]

REPORT_URL = "/admin/reports/page-feedback/"
THANKS = "?feedback=thanks#page-feedback"


def make_page(title, slug=None, live=True):
    home = HomePage.objects.get(depth=2, locale__language_code="it")
    page = home.add_child(instance=StandardPage(title=title, slug=slug or title, live=live))
    if live:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def translate(page, code, title):
    translated = page.copy_for_translation(
        Locale.objects.get(language_code=code), copy_parents=True
    )
    translated.title = title
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def feedback_url(page, language="it"):
    return f"/{language}/feedback/{page.pk}/"


@pytest.fixture
def content_page():
    # Not "page": pytest-playwright owns that fixture name.
    return make_page("Chi siamo", slug="chi-siamo")


class TestWidget:
    def test_content_page_links_to_the_form_and_sets_no_cookie(self, client, content_page):
        response = client.get(content_page.url)
        content = response.content.decode()
        assert response.status_code == 200
        assert 'id="page-feedback"' in content
        assert f'href="{feedback_url(content_page)}?useful=yes"' in content
        assert f'href="{feedback_url(content_page)}?useful=no"' in content
        # No form, hence no CSRF cookie: the page stays cacheable for every visitor.
        assert "csrfmiddlewaretoken" not in content
        assert not response.cookies

    def test_thanks_replaces_the_links(self, client, content_page):
        english = translate(content_page, "en", "About us")
        response = client.get(english.url + "?feedback=thanks")
        content = response.content.decode()
        assert "Thank you for your feedback" in content
        assert "?useful=yes" not in content
        assert not response.cookies


class TestFormPage:
    def test_is_private_uncached_and_preselects_the_answer(self, client, content_page):
        response = client.get(feedback_url(content_page), {"useful": "no"})
        content = response.content.decode()
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert response.status_code == 200
        assert {"private", "no-store"} <= cache_control
        assert "csrfmiddlewaretoken" in content
        assert '<meta name="robots" content="noindex, nofollow">' in content
        assert re.search(r'<input [^>]*value="no"[^>]* checked', content)
        assert not re.search(r'<input [^>]*value="yes"[^>]* checked', content)

    def test_honeypot_is_hidden_from_people(self, client, content_page):
        content = client.get(feedback_url(content_page)).content.decode()
        hidden = content.split('<div class="visually-hidden" aria-hidden="true">')[1]
        field = re.search(r'<input [^>]*name="website"[^>]*>', hidden).group()
        assert 'tabindex="-1"' in field
        assert 'autocomplete="off"' in field

    def test_csrf_token_is_required(self, content_page):
        client = Client(enforce_csrf_checks=True)
        assert client.post(feedback_url(content_page), {"useful": "yes"}).status_code == 403
        client.get(feedback_url(content_page))
        data = {"useful": "yes", "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
        assert client.post(feedback_url(content_page), data).status_code == 302
        assert PageFeedback.objects.count() == 1

    @pytest.mark.parametrize("method", ["get", "post"])
    def test_unpublished_missing_or_private_page_is_404(self, client, method):
        draft = make_page("Bozza", live=False)
        private = make_page("Riservata")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="segreta"
        )
        for url in (feedback_url(draft), "/it/feedback/999999/", feedback_url(private)):
            assert getattr(client, method)(url, {"useful": "yes"}).status_code == 404
        assert not PageFeedback.objects.exists()


class TestSubmission:
    def test_yes_is_stored_without_personal_data(self, client, content_page):
        response = client.post(feedback_url(content_page), {"useful": "yes"})
        assert response.status_code == 302
        assert response["Location"] == content_page.url + THANKS
        feedback = PageFeedback.objects.get()
        assert (feedback.page_id, feedback.locale.language_code) == (content_page.pk, "it")
        assert feedback.useful is True
        assert feedback.comment == ""
        assert (feedback.created_at.minute, feedback.created_at.second) == (0, 0)

    def test_model_has_no_field_that_could_identify_a_visitor(self):
        names = [field.name.lower() for field in PageFeedback._meta.get_fields()]
        for word in ("ip", "addr", "address", "user", "agent", "email", "session", "cookie"):
            assert not [name for name in names if word in name.split("_")], word

    def test_no_with_comment_is_stored_scrubbed(self, client, content_page):
        comment = "Manca l'orario.\x07 Scrivetemi a mario.rossi@example.org o al 333 123 4567"
        client.post(feedback_url(content_page), {"useful": "no", "comment": comment})
        feedback = PageFeedback.objects.get()
        assert feedback.useful is False
        assert feedback.comment == "Manca l'orario. Scrivetemi a […] o al […]"

    def test_answer_is_recorded_in_the_pages_language(self, client, content_page):
        english = translate(content_page, "en", "About us")
        response = client.post(feedback_url(english, "en"), {"useful": "yes"})
        assert response["Location"] == english.url + THANKS
        assert PageFeedback.objects.get().locale.language_code == "en"

    def test_missing_choice_stores_nothing_and_explains(self, client, content_page):
        url = feedback_url(content_page, "en")
        response = client.post(url, {"comment": "Non trovo il bando"})
        content = response.content.decode()
        assert response.status_code == 200
        assert "Choose “Yes” or “No”." in content
        assert 'id="id_useful-errors" role="alert"' in content
        assert "Non trovo il bando" in content
        assert not PageFeedback.objects.exists()

    def test_overlong_comment_is_refused(self, client, content_page):
        url = feedback_url(content_page, "en")
        response = client.post(url, {"useful": "no", "comment": "x" * 501})
        assert "at most 500 characters" in response.content.decode()
        assert not PageFeedback.objects.exists()

    def test_browser_line_endings_count_once(self, client, content_page):
        comment = "ab\r\n" * 125  # 500 characters as the browser's maxlength counts them.
        client.post(feedback_url(content_page), {"useful": "no", "comment": comment})
        assert PageFeedback.objects.get().comment == ("ab\n" * 125).strip()

    def test_filled_honeypot_stores_nothing_but_looks_the_same(self, client, content_page):
        data = {"useful": "yes", "website": "https://spam.example"}
        response = client.post(feedback_url(content_page), data)
        assert response.status_code == 302
        assert response["Location"] == content_page.url + THANKS
        assert not PageFeedback.objects.exists()


class TestScrubbing:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Il bando del 12/03/2025 scade nel 2026", "Il bando del 12/03/2025 scade nel 2026"),
            ("Chiamatemi: +39 055 123456", "Chiamatemi: […]"),
            ("CF RSSMRA80A01H501U grazie", "CF […] grazie"),
            ("IBAN IT60 X054 2811 1010 0000 0123 456", "IBAN […]"),
            ("\u202eevil\u202c ok", "evil ok"),
            ("شكرا\u200f جزيلا", "شكرا\u200f جزيلا"),
            ("a\tb\x00c", "a bc"),
        ],
    )
    def test_scrub_comment(self, text, expected):
        assert scrub_comment(text) == expected


class TestRateLimits:
    def test_second_answer_about_the_same_page_is_refused(self, client, content_page):
        url = feedback_url(content_page, "en")
        assert client.post(url, {"useful": "yes"}).status_code == 302
        response = client.post(url, {"useful": "no"})
        assert response.status_code == 429
        assert "You have already told us about this page" in response.content.decode()
        assert PageFeedback.objects.count() == 1
        assert client.post(url, {"useful": "no"}, REMOTE_ADDR="192.0.2.7").status_code == 302
        assert PageFeedback.objects.count() == 2

    def test_ten_posts_an_hour_per_address(self, client, content_page):
        url = feedback_url(content_page, "en")
        for _attempt in range(10):
            assert client.post(url, {"comment": "?"}).status_code == 200
        response = client.post(url, {"useful": "yes"})
        assert response.status_code == 429
        assert "Please try again in an hour" in response.content.decode()
        assert not PageFeedback.objects.exists()

    def test_the_address_is_not_part_of_any_cache_key(self, client, content_page):
        client.post(feedback_url(content_page), {"useful": "yes"}, REMOTE_ADDR="198.51.100.23")
        keys = list(cache._cache)
        assert [key for key in keys if ":home.feedback:" in key]
        assert not [key for key in keys if "198.51.100.23" in key]


# --- Staff reports ----------------------------------------------------------------------


def answer(page, useful, comment="", when=None):
    feedback = PageFeedback(page=page, locale_id=page.locale_id, useful=useful, comment=comment)
    if when:
        feedback.created_at = when
    feedback.save()
    return feedback


def export(client, url, **params):
    response = client.get(url, {"export": "csv", **params})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


class TestReportAccess:
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

    def test_staff_without_the_permission_is_refused(self, client, content_page):
        answer(content_page, True)
        client.force_login(admin_user(UserFactory(is_staff=True), "wagtailadmin.access_admin"))
        for url in (REPORT_URL, f"{REPORT_URL}{content_page.pk}/", f"{REPORT_URL}?export=csv"):
            response = client.get(url)
            # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_home")

    def test_staff_with_the_permission_sees_the_pages(self, client, content_page):
        user = admin_user(
            UserFactory(is_staff=True), "wagtailadmin.access_admin", "home.view_pagefeedback"
        )
        client.force_login(user)
        answer(content_page, True)
        answer(content_page, False, "Manca l'indirizzo")
        response = client.get(REPORT_URL)
        content = response.content.decode()
        assert response.status_code == 200
        assert "Chi siamo" in content
        assert reverse("page_feedback_detail", args=[content_page.pk]) in content
        assert client.get(f"{REPORT_URL}{content_page.pk}/").status_code == 200

    def test_menu_item_needs_the_permission_which_groups_can_be_given(self):
        items = [hook() for hook in hooks.get_hooks("register_reports_menu_item")]
        item = next(item for item in items if item.name == "page-feedback")
        request = RequestFactory().get("/admin/")
        request.user = AnonymousUser()
        assert not item.is_shown(request)
        request.user = admin_user(UserFactory(is_staff=True), "wagtailadmin.access_admin")
        assert not item.is_shown(request)
        request.user = admin_user(UserFactory(is_staff=True), "home.view_pagefeedback")
        assert item.is_shown(request)
        registered = {
            permission.codename
            for hook in hooks.get_hooks("register_permissions")
            for permission in hook()
        }
        assert "view_pagefeedback" in registered


class TestReport:
    def test_csv_has_one_row_per_page_with_counts_and_share(self, staff_client, content_page):
        other = make_page("Contatti")
        for useful in (True, True, False):
            answer(content_page, useful)
        answer(content_page, False, "Orari mancanti")
        answer(other, True)
        rows = export(staff_client, REPORT_URL, ordering="title")
        assert rows[0] == [
            "Page ID",
            "Page",
            "Locale",
            "Yes",
            "No",
            "Useful (%)",
            "Comments",
            "Latest answer",
        ]
        assert [row[:7] for row in rows[1:]] == [
            [str(content_page.pk), "Chi siamo", "it", "2", "2", "50", "1"],
            [str(other.pk), "Contatti", "it", "1", "0", "100", "0"],
        ]

    def test_share_of_yes_is_rounded(self, staff_client, content_page):
        for useful in (True, True, False):
            answer(content_page, useful)
        assert export(staff_client, REPORT_URL)[1][5] == "67"

    def test_filters_by_locale_and_date(self, staff_client, content_page):
        english = translate(content_page, "en", "About us")
        answer(content_page, True, when=datetime.datetime(2025, 1, 10, 9, tzinfo=datetime.UTC))
        answer(content_page, False)
        answer(english, True)
        by_locale = export(staff_client, REPORT_URL, locale="en")
        assert [row[1:5] for row in by_locale[1:]] == [["About us", "en", "1", "0"]]
        january = {"created_at_from": "2025-01-01", "created_at_to": "2025-01-31"}
        by_date = export(staff_client, REPORT_URL, **january)
        assert [row[1:5] for row in by_date[1:]] == [["Chi siamo", "it", "1", "0"]]

    def test_query_count_does_not_grow_with_pages(self, staff_client):
        def queries_with(count):
            PageFeedback.objects.all().delete()
            for number in range(count):
                answer(make_page(f"pagina-{count}-{number}"), number % 2 == 0, "commento")
            staff_client.get(REPORT_URL)  # Warm per-process caches (content types, sites).
            with CaptureQueriesContext(connection) as queries:
                assert staff_client.get(REPORT_URL).status_code == 200
            return len(queries)

        assert queries_with(2) == queries_with(20)

    def test_xlsx_export(self, staff_client, content_page):
        answer(content_page, True)
        response = staff_client.get(REPORT_URL, {"export": "xlsx"})
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith('attachment; filename="page-feedback-')


class TestPageAnswers:
    def test_lists_each_answer_with_date_and_comment(self, staff_client, content_page):
        when = datetime.datetime(2025, 2, 3, 10, tzinfo=datetime.UTC)
        answer(content_page, False, "Manca il modulo", when=when)
        answer(content_page, True)
        url = reverse("page_feedback_detail", args=[content_page.pk])
        response = staff_client.get(url)
        assert response.status_code == 200
        assert "Manca il modulo" in response.content.decode()
        rows = export(staff_client, url, ordering="created_at")
        assert rows[0] == ["Given at", "Useful", "Comment"]
        assert rows[1] == ["2025-02-03 10:00:00+00:00", "No", "Manca il modulo"]
        assert rows[2][1:] == ["Yes", ""]
        assert [row[1] for row in export(staff_client, url, useful="true")[1:]] == ["Yes"]

    def test_export_defuses_spreadsheet_formulas(self, staff_client, content_page):
        answer(content_page, False, '=HYPERLINK("http://evil.example")')
        rows = export(staff_client, reverse("page_feedback_detail", args=[content_page.pk]))
        assert rows[1][2] == '\'=HYPERLINK("http://evil.example")'

    def test_unknown_page_is_404(self, staff_client):
        # Django's LocaleMiddleware retries an unknown path under /it/, which 404s as well.
        response = staff_client.get(f"{REPORT_URL}999999/", follow=True)
        assert response.status_code == 404
