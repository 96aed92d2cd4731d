"""companies 0024: every intern becomes a participant, keeping the code, and nothing that
hung on the intern is lost (placements, the intern-card log, audit entries, which stay in
the scoped log)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import ModelLogEntry

from companies.models import CompanyLogEntry, InternCardView, Placement
from participants.models import Participant
from tests.factories.companies import CompanyFactory, OperatingSiteFactory, TerritoryFactory
from tests.factories.users import UserFactory

BEFORE = [
    ("companies", "0023_placement_participant"),
    ("participants", "0007_participant_export_permission"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_interns_become_participants_with_their_codes_placements_and_logs():
    territory = TerritoryFactory()
    company = CompanyFactory(territory=territory)
    site = OperatingSiteFactory(company=company)
    viewer = UserFactory()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate(BEFORE)
    try:
        Intern = old.get_model("companies", "Intern")
        OldParticipant = old.get_model("participants", "Participant")
        OldPlacement = old.get_model("companies", "Placement")
        OldCardView = old.get_model("companies", "InternCardView")
        OldLogEntry = old.get_model("companies", "CompanyLogEntry")
        ContentType = old.get_model("contenttypes", "ContentType")
        erased_on = datetime.datetime(2025, 1, 2, 3, 4, tzinfo=datetime.UTC)
        alone = Intern.objects.create(
            given_name="Amina",
            family_name="Diallo",
            preferred_name="Ami",
            phone="+39 333 1112223",
            email="amina@example.org",
            preferred_language="ar",
            code="TIR-AAAA22",
            territory_id=territory.pk,
            staff_notes="Note",
            anonymised_at=erased_on,
        )
        linked = Intern.objects.create(
            given_name="Bruno", family_name="Neri", code="TIR-BBBB33", territory_id=territory.pk
        )
        on_path = OldParticipant.objects.create(
            given_name="Bruno",
            family_name="Neri",
            code="PAR-BBBB33",
            territory_id=territory.pk,
            intern=linked,
        )
        placements = {}
        for intern in (alone, linked):
            placements[intern.code] = OldPlacement.objects.create(
                intern=intern,
                company_id=company.pk,
                site_id=site.pk,
                starts_on=datetime.date(2026, 1, 1),
                ends_on=datetime.date(2026, 7, 1),
                weekly_hours=20,
                schedule="9-13",
                monthly_allowance=Decimal("450"),
                company_tutor_name="Paolo Verdi",
            )
        OldCardView.objects.create(
            placement=placements["TIR-AAAA22"], user_id=viewer.pk, viewer=viewer.email
        )
        intern_type = ContentType.objects.get_or_create(app_label="companies", model="intern")[0]
        OldLogEntry.objects.create(
            content_type=intern_type,
            object_id=str(alone.pk),
            label="TIR-AAAA22",
            action="wagtail.edit",
            data={},
            timestamp=erased_on,
        )
        SharedLogEntry = old.get_model("wagtailcore", "ModelLogEntry")
        SharedLogEntry.objects.create(
            content_type=ContentType.objects.get(app_label="participants", model="participant"),
            object_id=str(on_path.pk),
            label="PAR-BBBB33",
            action="approdo.participant.path",
            data={"action": "contact"},
            timestamp=erased_on,
        )
    finally:
        migrate(latest)

    created = Participant.objects.get(code="TIR-AAAA22")
    assert (created.given_name, created.family_name, created.preferred_name) == (
        "Amina",
        "Diallo",
        "Ami",
    )
    assert (created.phone, created.email, created.preferred_language) == (
        "+39 333 1112223",
        "amina@example.org",
        "ar",
    )
    assert created.territory_id == territory.pk and created.anonymised_at == erased_on
    assert created.date_of_birth is None
    # The intern already on a path is that person: no second record, their own code kept.
    assert not Participant.objects.filter(code="TIR-BBBB33").exists()
    assert Participant.objects.filter(given_name="Bruno").get().pk == on_path.pk
    assert Placement.objects.get(pk=placements["TIR-AAAA22"].pk).participant == created
    assert Placement.objects.get(pk=placements["TIR-BBBB33"].pk).participant_id == on_path.pk
    view = InternCardView.objects.get()
    assert (view.placement.participant, view.viewer) == (created, viewer.email)
    # The intern's audit entry is the participant's now, labelled by the code, and still in
    # the scoped log; the participants' entries left Wagtail's shared log for it.
    assert not CompanyLogEntry.objects.filter(content_type__model="intern").exists()
    entry = CompanyLogEntry.objects.for_instance(created).get()
    assert (entry.label, entry.action, entry.timestamp) == ("TIR-AAAA22", "wagtail.edit", erased_on)
    moved = CompanyLogEntry.objects.for_instance(on_path).get()
    assert (moved.label, moved.action) == ("PAR-BBBB33", "approdo.participant.path")
    assert not ModelLogEntry.objects.filter(content_type__app_label="participants").exists()
