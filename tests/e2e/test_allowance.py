"""The allowance in a real browser: a month's register locked, its statement computed,
checked, approved, put in a payment batch and exported as SEPA; axe-core on every screen."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from allowance.models import AllowanceBudget, PaymentBatch, State, Statement
from allowance.services.payments import save_bank_account
from participants.models import Attendance
from tests.allowance.helpers import apuane_rule, operator_and_coordinator
from tests.e2e.test_moderation import assert_screen_clean, sign_in
from tests.e2e.test_participants import assert_screen_clean_keeping_form
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import ActivityFactory, EnrolmentFactory, SessionFactory
from tests.factories.users import staff_in_group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def admin(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def as_user(browser, base, user):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page()
    sign_in(page, base, "en", user.email)
    return page


def test_from_locked_month_to_sepa_file(page, browser, live_server, no_staff_mfa, axe_source):
    base = live_server.url
    territory = TerritoryFactory(name="Apuane")
    operator, coordinator = operator_and_coordinator(territory)
    cashier = staff_in_group("Payments")
    course = ActivityFactory(name="Corso sicurezza", kind="course")
    project = course.project
    apuane_rule(project)
    session = SessionFactory(activity=course, date=datetime.date(2026, 11, 16), hours=4)
    path = EnrolmentFactory(
        activity=course,
        enrolled_on=datetime.date(2026, 11, 2),
        path__participant__territory=territory,
    ).path
    Attendance.objects.create(session=session, path=path, presence="present", hours=4)
    save_bank_account(
        cashier, path.participant, holder="Samira Haddad", iban="IT60X0542811101000000123456"
    )
    AllowanceBudget.objects.create(
        project=project,
        funding_source="FSE+ 2021-2027",
        amount=Decimal("10000"),
        payer_name="Consorzio Apuane",
        payer_iban="IT02L1234512345123456789012",
    )

    sign_in(page, base, "en", operator.email)
    page.goto(base + admin("participant_sessions:register", session.pk))
    page.get_by_role("button", name="Lock the month").click()
    statement = Statement.objects.get(path=path)
    page.goto(base + admin("allowance_statements:index"))
    page.get_by_role("link", name=re.compile(path.participant.code)).click()
    expect(page.locator("#statement-explanation")).to_contain_text("4 hours × 5.00 € an hour")
    expect(page.locator(".step-total")).to_contain_text("20.00")
    assert_screen_clean(page, axe_source)
    page.get_by_role("button", name="Mark as checked").click()
    expect(page.locator("#statement-state")).to_have_text("Checked, to approve")

    approver = as_user(browser, base, coordinator)
    approver.goto(base + admin("allowance_statements:inspect", statement.pk))
    approver.get_by_role("button", name="Approve").click()
    expect(approver.locator("#statement-state")).to_have_text("Approved")
    assert Statement.objects.get(pk=statement.pk).state == State.APPROVED

    payer = as_user(browser, base, cashier)
    payer.goto(base + admin("allowance_batches:index"))
    payer.get_by_role("link", name="New payment batch").click()
    payer.get_by_label("Project").select_option(label=project.name)
    payer.get_by_label("Execution date").fill("2099-01-04")
    assert_screen_clean_keeping_form(payer, axe_source)
    payer.get_by_role("button", name="Make the batch").click()
    expect(payer.locator("#batch-state")).to_have_text("Sent to the bank")
    assert_screen_clean(payer, axe_source)
    with payer.expect_download() as download:
        payer.get_by_role("link", name=re.compile("SEPA file")).click()
    with open(download.value.path(), encoding="utf-8") as downloaded:
        content = downloaded.read()
    assert "IT60X0542811101000000123456" in content and "<InstdAmt" in content
    payer.get_by_role("button", name="Mark as paid").click()
    expect(payer.locator("#batch-state")).to_have_text("Paid")
    assert PaymentBatch.objects.get().state == "paid"
