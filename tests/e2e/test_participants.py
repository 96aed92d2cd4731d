"""A person's path in a real browser: referral, contact, assessment with the plan,
eligibility, enrolment, a session's register, the internship's months confirmed by the host
company and countersigned by its tutor, exit; axe-core on every screen."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from companies.models import MembershipRole, PlacementStatus
from participants.models import Attendance, Enrolment, InternshipMonth, Path, Stage
from projects.models import EligibilityQuestion
from tests.e2e.test_moderation import assert_screen_clean, sign_in
from tests.factories.companies import MembershipFactory, PlacementFactory, TerritoryFactory
from tests.factories.participants import (
    ActivityFactory,
    ProjectFactory,
    ReferringOrganisationFactory,
    SessionFactory,
    moderator_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def admin(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def test_from_referral_to_exit(
    page, live_server, no_staff_mfa, axe_source, browser, browser_context_args
):
    base = live_server.url
    territory = TerritoryFactory(name="Apuane")
    staff = moderator_for(territory)
    project = ProjectFactory(name="Percorsi Apuane", min_age=16)
    EligibilityQuestion.objects.create(project=project, text="Percepisce l'ADI")
    course = ActivityFactory(project=project, name="Corso sicurezza")
    ReferringOrganisationFactory(name="Servizi sociali Massa")

    sign_in(page, base, "en", staff.email)
    page.goto(base + admin("participants_admin:add"))
    page.get_by_label("Given name").fill("Samira")
    page.get_by_label("Family name").fill("Haddad")
    page.get_by_label("Date of birth").fill("1999-04-02")
    page.locator("#id_territory").select_option(label="Apuane")
    page.locator("#id_operator").select_option(label=str(staff))
    page.locator("#id_project").select_option(label="Percorsi Apuane")
    page.locator("#id_organisation").select_option(label="Servizi sociali Massa")
    page.locator("#id_referred_on").fill("2026-11-02")
    assert_screen_clean_keeping_form(page, axe_source)
    page.locator("#w-editor-form").get_by_role("button", name=re.compile("^Create")).click()
    expect(page.locator("#participant-code")).to_have_text(re.compile("^PAR-"))
    assert_screen_clean(page, axe_source)

    page.get_by_role("button", name="Record first contact").click()
    page.get_by_role("link", name="Record the assessment").click()
    page.get_by_label("Équipe members").fill("Servizi sociali; Centro per l'impiego")
    page.get_by_label("Goals").fill("Lavoro nella ristorazione")
    page.get_by_label("Planned hours: Corso sicurezza").fill("8")
    assert_screen_clean_keeping_form(page, axe_source)
    page.locator("#path-form").get_by_role("button", name="Record the assessment").click()
    page.get_by_role("link", name="Check eligibility").click()
    page.get_by_label("No").check()
    page.get_by_label(re.compile("^Attested by")).fill("INPS")
    assert_screen_clean_keeping_form(page, axe_source)
    page.locator("#path-form").get_by_role("button", name="Check eligibility").click()
    page.get_by_role("button", name="Enrol").click()
    page.get_by_role("button", name="Start the path").click()
    expect(page.locator(".path-stage")).to_have_text("Active")
    assert_screen_clean(page, axe_source)

    path = Path.objects.get(participant__family_name="Haddad")
    session = SessionFactory(activity=course)
    page.goto(base + admin("participant_sessions:register", session.pk))
    page.locator(f"input[name='presence-{path.pk}'][value='present']").check()
    assert_screen_clean_keeping_form(page, axe_source)
    page.get_by_role("button", name="Save the register").click()
    expect(page.locator(f"input[name='presence-{path.pk}'][value='present']")).to_be_checked()
    assert Attendance.objects.get(path=path).hours == session.hours

    host_confirms_and_tutor_countersigns(
        base, path, project, browser, browser_context_args, axe_source
    )
    page.goto(base + admin("participants_admin:inspect", path.participant_id))
    expect(page.locator("#internship-months")).to_contain_text("72")
    assert_screen_clean(page, axe_source)

    page.goto(base + admin("participants_admin:exit", path.pk, "complete"))
    page.get_by_label("Outcome at exit").select_option("employed")
    page.get_by_label("Contract type (if employed)").select_option("fixed_term")
    assert_screen_clean_keeping_form(page, axe_source)
    page.locator("#path-form").get_by_role("button", name="Complete").click()
    expect(page.locator(".path-stage")).to_have_text("Completed")
    assert_screen_clean(page, axe_source)
    path.refresh_from_db()
    assert path.stage == Stage.COMPLETED and path.follow_up_due is not None


def first_of_last_month():
    return (datetime.date.today().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def host_confirms_and_tutor_countersigns(base, path, project, browser, context_args, axe_source):
    """The internship step: a running placement at an approved company; its administrator
    confirms last month's days and hours in Italian, its tutor countersigns (in Arabic)."""
    internship = ActivityFactory(project=project, name="Tirocinio", kind="internship")
    Enrolment.objects.create(path=path, activity=internship)
    month = first_of_last_month()
    placement = PlacementFactory(
        participant=path.participant,
        status=PlacementStatus.ACTIVE,
        starts_on=month - datetime.timedelta(days=40),
        ends_on=month + datetime.timedelta(days=150),
    )
    confirmer = MembershipFactory(company=placement.company, role=MembershipRole.ADMIN).user
    tutor = MembershipFactory(company=placement.company).user
    with translation.override("it"):
        url = reverse("companies:internship_attendance", args=[placement.company_id, placement.pk])
    row = f"#month-{month:%Y-%m}"

    host = browser.new_context(**context_args).new_page()
    sign_in(host, base, "it", confirmer.email)
    host.goto(base + url)
    host.locator(f"{row} input[name$='-days']").fill("18")
    host.locator(f"{row} input[name$='-hours']").fill("72")
    assert_screen_clean_keeping_form(host, axe_source)
    host.locator(f"{row} button[value='confirm']").click()
    expect(host.locator(row)).to_contain_text("18")
    assert_screen_clean(host, axe_source)
    host.context.close()

    countersigner = browser.new_context(**context_args).new_page()
    sign_in(countersigner, base, "it", tutor.email)
    countersigner.goto(base + url.replace("/it/", "/ar/", 1))
    expect(countersigner.locator("html")).to_have_attribute("dir", "rtl")
    countersigner.locator(f"{row} button[value='countersign']").click()
    expect(countersigner.locator(f"{row} .badge")).to_be_visible()
    assert_screen_clean(countersigner, axe_source)
    countersigner.context.close()
    confirmed = InternshipMonth.objects.get(placement=placement, month=month)
    assert (confirmed.hours, confirmed.countersigned_by) == (Decimal("72.0"), tutor)


def assert_screen_clean_keeping_form(page, axe_source):
    """axe on a screen with a filled-in form (no reload, which would lose the input)."""
    from tests.e2e.axe import axe_violations

    assert axe_violations(page, axe_source) == []
