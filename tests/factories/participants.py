"""Factories for projects and participants' paths."""

import datetime
from decimal import Decimal

import factory

from participants.models import Activity, Enrolment, Participant, Path, Referral, Session, Stage
from projects.models import FundingSource, Municipality, Project, ReferringOrganisation
from tests.factories.companies import TerritoryFactory


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Comune {n}")
    province = "MS"


class ReferringOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReferringOrganisation

    name = factory.Sequence(lambda n: f"Servizi sociali {n}")
    kind = "social_services"


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    name = factory.Sequence(lambda n: f"Progetto {n}")
    code = factory.Sequence(lambda n: f"progetto-{n}")
    funder = "FSE+ Regione Toscana"
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2028, 12, 31)


class FundingSourceFactory(factory.django.DjangoModelFactory):
    """One funder's share of a project; ESF+ unless told."""

    class Meta:
        model = FundingSource

    project = factory.SubFactory(ProjectFactory)
    kind = "eu_esf_plus"
    funder = "FSE+ Regione Toscana"
    amount = Decimal("100000.00")


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    given_name = factory.Faker("first_name", locale="it_IT")
    family_name = factory.Faker("last_name", locale="it_IT")
    email = factory.Sequence(lambda n: f"partecipante{n}@example.net")
    phone = factory.Sequence(lambda n: f"+39 333 {n:07d}")
    date_of_birth = datetime.date(1990, 5, 17)
    territory = factory.SubFactory(TerritoryFactory)


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    participant = factory.SubFactory(ParticipantFactory)
    organisation = factory.SubFactory(ReferringOrganisationFactory)
    referred_on = datetime.date(2026, 11, 2)


class PathFactory(factory.django.DjangoModelFactory):
    """A path stored directly at ``stage`` (the services are tested on their own)."""

    class Meta:
        model = Path

    participant = factory.SubFactory(ParticipantFactory)
    project = factory.SubFactory(ProjectFactory)
    referral = factory.SubFactory(
        ReferralFactory, participant=factory.SelfAttribute("..participant")
    )
    stage = Stage.REFERRED


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    project = factory.SubFactory(ProjectFactory)
    kind = "course"
    name = factory.Sequence(lambda n: f"Corso {n}")
    planned_hours = Decimal("36")


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    date = datetime.date(2026, 11, 16)
    hours = Decimal("4")
    place = "Aula 1"


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    activity = factory.SubFactory(ActivityFactory)
    path = factory.SubFactory(
        PathFactory, project=factory.SelfAttribute("..activity.project"), stage=Stage.ACTIVE
    )


def moderator_for(*territories):
    """A member of Moderators, with the participants' grants, for the given territories."""
    from tests.factories.users import moderator_of

    return moderator_of(*territories)


def tutor():
    from tests.factories.users import staff_in_group

    return staff_in_group("Tutors")
