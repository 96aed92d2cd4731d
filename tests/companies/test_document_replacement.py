"""Replacing an accepted document: asked for explicitly; the accepted version stays in force
(placements run, the checklist stays satisfied) until staff accept the new one."""

import pytest

from companies.checklist import checklist
from companies.models import CompanyDocument, DocumentStatus, PlacementStatus
from companies.services import document_review, placements
from tests import documents_corpus as corpus
from tests.companies import test_documents as documents
from tests.companies.test_documents import stored_files, upload, url
from tests.factories.companies import PlacementFactory
from tests.factories.users import admin_user, moderator_of

pytestmark = pytest.mark.django_db
clean_storage = documents.clean_storage
member = documents.member


@pytest.fixture
def accepted(member):
    upload(member, member.company, "v1.pdf", corpus.pdf(text_marker=b"uno"))
    first = CompanyDocument.objects.get()
    document_review.accept(moderator_of(member.company.territory), first)
    first.refresh_from_db()
    assert first.status == DocumentStatus.ACCEPTED
    return first


def agreement_row(company):
    return next(r for r in checklist(company) if str(r.kind.translation_key) == documents.AGREEMENT)


def new_version(member, **extra):
    return upload(member, member.company, "v2.pdf", corpus.pdf(text_marker=b"due"), **extra)


def test_the_page_asks_for_a_confirmation(member, accepted):
    page = member.get(url("documents", member.company.pk)).text
    assert 'name="replace_accepted"' in page
    assert "Sostituisci la versione accettata 1" in page


def test_without_confirmation_nothing_is_replaced_or_kept(member, accepted):
    response = new_version(member)
    assert "è già accettato" in response.text
    assert CompanyDocument.objects.count() == 1
    assert len(stored_files()) == 1
    accepted.refresh_from_db()
    assert accepted.status == DocumentStatus.ACCEPTED


def test_with_confirmation_the_accepted_version_stays_in_force(member, accepted):
    response = new_version(member, replace_accepted="1")
    assert "resta in vigore finché lo staff del progetto non accetta" in response.text
    accepted.refresh_from_db()
    assert accepted.status == DocumentStatus.ACCEPTED
    row = agreement_row(member.company)
    assert row.state == DocumentStatus.ACCEPTED and not row.needs_action
    assert row.pending.version == 2 and row.in_force == accepted
    assert placements.missing_documents(member.company) == []
    assert "Accettato" in member.get(url("dashboard", member.company.pk)).text


def test_placements_keep_running_and_can_start(member, accepted, no_staff_mfa):
    staff = admin_user(moderator_of(member.company.territory), "companies.manage_placement")
    placement = PlacementFactory(
        company=member.company,
        participant__territory=member.company.territory,
        status=PlacementStatus.ACCEPTED,
        project_tutor=staff,
    )
    new_version(member, replace_accepted="1")
    placements.staff_move(staff, placement, "start")
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE


def test_staff_accepting_the_new_version_retires_the_old(member, accepted):
    new_version(member, replace_accepted="1")
    second = CompanyDocument.objects.get(version=2)
    document_review.accept(moderator_of(member.company.territory), second)
    accepted.refresh_from_db()
    assert accepted.status == DocumentStatus.SUPERSEDED
    assert agreement_row(member.company).in_force == second
    assert placements.missing_documents(member.company) == []


def test_a_rejected_new_version_leaves_the_old_in_force(member, accepted):
    new_version(member, replace_accepted="1")
    second = CompanyDocument.objects.get(version=2)
    document_review.reject(moderator_of(member.company.territory), second, "Manca la firma.")
    accepted.refresh_from_db()
    assert accepted.status == DocumentStatus.ACCEPTED
    assert placements.missing_documents(member.company) == []
    page = member.get(url("documents", member.company.pk)).text
    assert "Manca la firma." in page and "resta in vigore" in page


def test_withdrawing_the_new_version_revives_nothing_older(member):
    upload(member, member.company, "v1.pdf", corpus.pdf(text_marker=b"uno"))
    upload(member, member.company, "v2.pdf", corpus.pdf(text_marker=b"due"))  # supersedes v1
    second = CompanyDocument.objects.get(version=2)
    document_review.accept(moderator_of(member.company.territory), second)
    new = upload(
        member, member.company, "v3.pdf", corpus.pdf(text_marker=b"tre"), replace_accepted="1"
    )
    assert new.status_code == 200
    third = CompanyDocument.objects.get(version=3)
    member.post(url("document_withdraw", member.company.pk, third.pk))
    statuses = dict(CompanyDocument.objects.values_list("version", "status"))
    assert statuses == {1: DocumentStatus.SUPERSEDED, 2: DocumentStatus.ACCEPTED}
