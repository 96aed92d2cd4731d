"""A project's start conditions: the placement starts only when the signed agreement, the
signed training project, the insurance and the safety-training records are all there."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from agreements import conditions, services
from agreements.models import DocumentType, PlacementRecord, StartConditions
from companies.models import PlacementStatus
from companies.services import placements
from tests.factories.companies import TerritoryFactory, accepted_documents
from tests.factories.users import moderator_of


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def ready(world):
    """An accepted placement whose company's required documents are accepted."""
    accepted_documents(world.company)
    world.placement.status = PlacementStatus.ACCEPTED
    world.placement.save()
    world.staff = moderator_of(world.territory)
    return world


def _sign_and_accept(world, signer, placement=None):
    document_type = DocumentType.TRAINING_PROJECT if placement else DocumentType.AGREEMENT
    generated = services.generate(world.company, document_type, "it", placement)
    data = signer.pades(generated.file.open("rb").read())
    signed = services.upload_signed(
        world.user, world.company, document_type, SimpleUploadedFile("f.pdf", data), placement
    )
    services.accept(world.staff, signed)


def test_without_project_conditions_the_documents_are_enough(ready):
    placements.staff_move(ready.staff, ready.placement, "start")
    ready.placement.refresh_from_db()
    assert ready.placement.status == PlacementStatus.ACTIVE


def test_the_placement_starts_once_every_condition_is_met(ready, test_pki):
    StartConditions.objects.create(project=ready.project)
    with pytest.raises(placements.DocumentsMissing) as missing:
        placements.staff_move(ready.staff, ready.placement, "start")
    assert [c.code for c in missing.value.kinds] == [
        "agreement",
        "training_project",
        "insurance",
        "safety_training",
    ]
    _sign_and_accept(ready, test_pki.good)
    _sign_and_accept(ready, test_pki.good, ready.placement)
    conditions.record(ready.staff, ready.placement, "insurance", "INAIL 2027/123")
    assert [c.code for c in conditions.missing_for_start(ready.placement)] == ["safety_training"]
    with pytest.raises(placements.DocumentsMissing):
        placements.staff_move(ready.staff, ready.placement, "start")
    conditions.record(ready.staff, ready.placement, "safety_training", "Corso 4 ore n. 77")
    placements.staff_move(ready.staff, ready.placement, "start")
    ready.placement.refresh_from_db()
    assert ready.placement.status == PlacementStatus.ACTIVE


def test_a_signed_file_awaiting_review_does_not_count(ready, test_pki):
    StartConditions.objects.create(
        project=ready.project, signed_training_project=False, insurance=False, safety_training=False
    )
    generated = services.generate(ready.company, DocumentType.AGREEMENT, "it")
    services.upload_signed(
        ready.user,
        ready.company,
        DocumentType.AGREEMENT,
        SimpleUploadedFile("f.pdf", test_pki.good.pades(generated.file.open("rb").read())),
    )
    assert [c.code for c in conditions.missing_for_start(ready.placement)] == ["agreement"]


class TestScreen:
    def test_staff_record_and_see_what_is_missing(self, client, ready, no_staff_mfa):
        StartConditions.objects.create(project=ready.project)
        client.force_login(ready.staff)
        page = client.get(admin_url("agreements_admin:start", ready.placement.pk))
        assert page.status_code == 200
        assert 'data-condition="insurance"' in page.text
        client.post(
            admin_url("agreements_admin:start", ready.placement.pk),
            {"kind": "insurance", "reference": "INAIL 2027/123"},
        )
        page = client.get(admin_url("agreements_admin:start", ready.placement.pk))
        assert 'data-condition="insurance"' not in page.text
        assert "INAIL 2027/123" in page.text
        # A second record of the same kind is refused, the first one stays.
        client.post(
            admin_url("agreements_admin:start", ready.placement.pk),
            {"kind": "insurance", "reference": "altro"},
        )
        assert PlacementRecord.objects.get().reference == "INAIL 2027/123"
        placement_page = client.get(admin_url("placements_admin:inspect", ready.placement.pk))
        assert admin_url("agreements_admin:start", ready.placement.pk) in placement_page.text

    def test_another_territorys_staff_get_404(self, client, ready, no_staff_mfa):
        client.force_login(moderator_of(TerritoryFactory()))
        path = admin_url("agreements_admin:start", ready.placement.pk)
        assert client.get(path).status_code == 404
        assert client.post(path, {"kind": "insurance", "reference": "x"}).status_code == 404
        assert not PlacementRecord.objects.exists()
