"""The agreement path in two browsers: the company downloads its prefilled agreement and
training project, signs them (here, with the tests' CA), uploads them; the moderator sees
three passed checks, accepts each in one click, records insurance and safety training, and
starts the placement. axe-core on every new screen."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

from agreements.models import SignedDocument, SignedStatus, StartConditions
from companies.models import PlacementStatus
from tests.e2e.axe import axe_violations
from tests.e2e.test_moderation import assert_screen_clean, sign_in
from tests.factories.companies import accepted_documents
from tests.factories.users import moderator_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_copy(download, signer, path):
    """The downloaded PDF signed (PAdES) into ``path``.

    pyHanko runs its own event loop, so it signs in a thread beside Playwright's.
    """
    pdf = download.path().read_bytes()
    assert pdf.startswith(b"%PDF-")
    with ThreadPoolExecutor(1) as pool:
        path.write_bytes(pool.submit(signer.pades, pdf).result())
    return str(path)


def test_download_sign_upload_accept_and_start(
    page,
    browser,
    browser_context_args,
    live_server,
    world,
    test_pki,
    axe_source,
    tmp_path,
    no_staff_mfa,
):
    base = live_server.url
    StartConditions.objects.create(project=world.project)
    accepted_documents(world.company)
    world.placement.status = PlacementStatus.ACCEPTED
    world.placement.save()
    moderator = moderator_of(world.territory, preferred_language="en")

    # The company: Agreements tab, download, sign, upload, both documents.
    sign_in(page, base, "it", world.user.email)
    page.goto(f"{base}/it/companies/{world.company.pk}/")
    page.get_by_role("link", name="Convenzioni", exact=True).click()
    assert axe_violations(page, axe_source) == []
    agreement = page.locator("section", has=page.locator("#agreement-title"))
    with page.expect_download() as info:
        agreement.get_by_role("link", name="Italiano").click()
    signed = signed_copy(info.value, test_pki.good, tmp_path / "convenzione.pdf")
    agreement.get_by_label(re.compile("^File firmato")).set_input_files(signed)
    agreement.get_by_role("button", name="Carica il file firmato").click()
    expect(page.get_by_text("Documento firmato ricevuto")).to_be_visible()
    project = page.locator("section", has=page.locator(f"#project-{world.placement.pk}"))
    with page.expect_download() as info:
        project.get_by_role("link", name="Italiano").click()
    signed = signed_copy(info.value, test_pki.good, tmp_path / "progetto.pdf")
    project.get_by_label(re.compile("^File firmato")).set_input_files(signed)
    project.get_by_role("button", name="Carica il file firmato").click()
    expect(page.get_by_text("Documento firmato ricevuto")).to_be_visible()
    assert SignedDocument.objects.filter(status=SignedStatus.UPLOADED).count() == 2

    # The moderator: three passed checks, one click each.
    staff = browser.new_context(**browser_context_args).new_page()
    sign_in(staff, base, "en", moderator.email)
    for _ in range(2):
        staff.goto(f"{base}/admin/signed-agreements/")
        assert axe_violations(staff, axe_source) == []
        staff.get_by_role("link", name=world.company.legal_name).first.click()
        for check in ["document_verdict", "signature_verdict", "signer_verdict"]:
            expect(staff.locator(f'[data-check="{check}"]')).to_have_attribute(
                "data-verdict", "passed"
            )
        assert_screen_clean(staff, axe_source)
        staff.get_by_role("button", name="Accept", exact=True).click()
        expect(staff.get_by_text("Signed document accepted.")).to_be_visible()
    assert SignedDocument.objects.filter(status=SignedStatus.ACCEPTED).count() == 2

    # Insurance and safety training recorded, then the placement starts.
    staff.goto(f"{base}/admin/signed-agreements/placements/{world.placement.pk}/start/")
    assert axe_violations(staff, axe_source) == []
    staff.get_by_label("Reference").first.fill("INAIL 2027/123")
    staff.get_by_role("button", name="Record").first.click()
    staff.get_by_label("Reference").first.fill("Corso sicurezza n. 77")
    staff.get_by_role("button", name="Record").first.click()
    expect(staff.locator("#start-ready")).to_be_visible()
    staff.get_by_role("link", name="the placement").click()
    staff.get_by_role("button", name="Start the placement").click()
    expect(staff.locator("#placement-status")).to_have_text("Active")
    world.placement.refresh_from_db()
    assert world.placement.status == PlacementStatus.ACTIVE
