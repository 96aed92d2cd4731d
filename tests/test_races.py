"""Two people (or workers) doing the same thing at the same moment: one wins, the other sees it.

Each test forces the interleaving with the ``race`` fixture (tests/race.py): the first call
pauses holding its row lock and the second must be seen waiting for it, so removing a lock
fails the test every time. PostgreSQL only.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale

from companies.models import (
    CompanyDocument,
    CompanyEvent,
    CompanyLogEntry,
    CompanyStatus,
    DocumentKind,
    DocumentStatus,
    Membership,
    MembershipRole,
    Placement,
    PlacementStatus,
)
from companies.services import documents, placements, review, team
from companies.services.status import move_company
from mail.outbox import OutgoingEmail, deliver_due
from participants.models import Participant
from tests import documents_corpus as corpus
from tests.factories.companies import (
    CompanyFactory,
    MembershipFactory,
    OperatingSiteFactory,
    PlacementFactory,
    TerritoryFactory,
    accepted_documents,
    complete_dossier,
)
from tests.factories.users import admin_user, moderator_of
from tests.race import lock_on
from users import services as accounts

COMPANY_LOCK = lock_on("companies_company")


def test_two_staff_deciding_at_once_apply_one_decision(race, mailoutbox):
    territory = TerritoryFactory()
    company = complete_dossier(CompanyFactory(territory=territory))
    MembershipFactory(company=company)
    move_company(company, "submit")
    first, second = moderator_of(territory), moderator_of(territory)

    approved, refused = race(
        lambda: review.approve(first, company),
        lambda: review.request_changes(second, company, "Manca la PEC."),
        expected=(review.AlreadyDecided,),
    )

    assert approved.ok
    assert isinstance(refused.error, review.AlreadyDecided)
    assert refused.error.event.actor_id == first.pk  # the refusal names who decided
    company.refresh_from_db()
    assert company.status == CompanyStatus.APPROVED
    assert CompanyEvent.objects.filter(company=company).count() == 2  # submit + one decision
    decisions = CompanyLogEntry.objects.filter(
        action__in=["approdo.company.approve", "approdo.company.request_changes"]
    )
    assert decisions.count() == 1
    assert len(mailoutbox) == 1


def test_two_proposals_for_the_last_place_make_one_placement(race):
    territory = TerritoryFactory()
    company = CompanyFactory(territory=territory, status=CompanyStatus.APPROVED, headcount=8)
    accepted_documents(company)
    site = OperatingSiteFactory(company=company)
    staff = admin_user(moderator_of(territory), "companies.manage_placement")
    assert company.capacity.interns == 2
    PlacementFactory(company=company, site=site, participant__territory=territory)  # one place left

    def proposal():
        intern = Participant.objects.create(
            given_name="Amina", family_name="Diallo", territory=territory
        )
        return Placement(
            participant=intern,
            company=company,
            site=site,
            starts_on=datetime.date(2027, 2, 1),
            ends_on=datetime.date(2027, 8, 1),
            weekly_hours=20,
            schedule="Lunedì–venerdì, 9–13",
            monthly_allowance=Decimal("450.00"),
            project_tutor=staff,
            company_tutor_name="Paolo Verdi",
        )

    first, second = proposal(), proposal()
    proposed, refused = race(
        lambda: placements.propose(staff, first),
        lambda: placements.propose(staff, second),
        expected=(placements.CapacityExceeded,),
    )

    assert proposed.ok
    assert isinstance(refused.error, placements.CapacityExceeded)
    assert company.placements.filter(status=PlacementStatus.PROPOSED).count() == 2  # 1 + 1


def test_two_admins_stepping_down_at_once_leave_one_admin(race):
    company = CompanyFactory(status=CompanyStatus.APPROVED)
    anna = MembershipFactory(company=company, role=MembershipRole.ADMIN)
    bruno = MembershipFactory(company=company, role=MembershipRole.ADMIN)

    stepped_down, refused = race(
        lambda: team.change_role(anna.user, company, anna, MembershipRole.MEMBER),
        lambda: team.change_role(bruno.user, company, bruno, MembershipRole.MEMBER),
        expected=(team.LastAdmin,),
    )

    assert stepped_down.ok
    assert isinstance(refused.error, team.LastAdmin)
    assert company.memberships.filter(role=MembershipRole.ADMIN).get().pk == bruno.pk


def test_two_outbox_workers_deliver_each_email_once(race, mailoutbox):
    for n in range(3):
        OutgoingEmail.objects.create(
            kind="test", to=f"persona{n}@example.org", language="it", subject="Oggetto", text="."
        )

    first, second = race(deliver_due, deliver_due, loser_waits=False)

    # The second worker skipped the e-mail the first held and sent the others.
    assert first.value.count("sent") + second.value.count("sent") == 3
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "persona0@example.org",
        "persona1@example.org",
        "persona2@example.org",
    ]
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


def test_two_uploads_of_the_same_kind_become_two_versions(race, private_dir):
    membership = MembershipFactory(company__status=CompanyStatus.APPROVED)
    company, user = membership.company, membership.user
    kind = DocumentKind.objects.create(
        name="Dichiarazione", max_size_mb=1, due_from="draft", locale=Locale.get_default()
    )

    def upload(marker):
        content = corpus.pdf(text_marker=marker)
        return lambda: documents.upload_document(
            user, company, kind, SimpleUploadedFile("dichiarazione.pdf", content)
        )

    first, second = race(upload(b"prima"), upload(b"seconda"), holds_lock=COMPANY_LOCK)

    assert first.ok and second.ok
    versions = CompanyDocument.objects.filter(company=company).order_by("version")
    assert [(d.version, d.status) for d in versions] == [
        (1, DocumentStatus.SUPERSEDED),
        (2, DocumentStatus.UPLOADED),
    ]


@pytest.mark.parametrize("deletion_first", [True, False], ids=["deletion-first", "demotion-first"])
def test_an_account_deletion_racing_a_demotion_leaves_an_admin(race, deletion_first):
    company = CompanyFactory(status=CompanyStatus.APPROVED)
    leaving = MembershipFactory(company=company, role=MembershipRole.ADMIN)
    staying = MembershipFactory(company=company, role=MembershipRole.ADMIN)

    def delete():
        return accounts.delete_account(leaving.user)

    def demote():
        return team.change_role(staying.user, company, staying, MembershipRole.MEMBER)

    calls = (delete, demote) if deletion_first else (demote, delete)
    winner, loser = race(
        *calls,
        expected=(accounts.DeletionRefused, team.LastAdmin),
        holds_lock=COMPANY_LOCK,
    )

    assert winner.ok
    assert isinstance(
        loser.error, accounts.DeletionRefused if not deletion_first else team.LastAdmin
    )
    assert Membership.objects.filter(company=company, role=MembershipRole.ADMIN).count() == 1
