"""Staff see in the company's history, and in the person's, which reminders went out."""

import datetime

import pytest
from django.urls import reverse

from participants.models import Stage
from tests.factories.companies import CompanyFactory, MembershipFactory, TerritoryFactory
from tests.factories.participants import PathFactory, moderator_for
from tests.reminders.helpers import T0, at, days, run_companies, run_staff

pytestmark = pytest.mark.django_db


def test_the_company_history_lists_the_reminders_sent(client, no_staff_mfa):
    territory = TerritoryFactory()
    with at(T0):
        company = CompanyFactory(territory=territory)
        MembershipFactory(company=company)
    run_companies(days(7))
    client.force_login(moderator_for(territory))
    response = client.get(reverse("companies_admin:inspect", args=[company.pk]))
    assert response.status_code == 200
    assert "Reminder sent: Dossier draft left idle" in response.content.decode()


def test_another_territorys_moderator_cannot_read_that_history(client, no_staff_mfa):
    with at(T0):
        company = CompanyFactory()
        MembershipFactory(company=company)
    run_companies(days(7))
    client.force_login(moderator_for(TerritoryFactory()))
    response = client.get(reverse("companies_admin:inspect", args=[company.pk]))
    assert response.status_code in (403, 404)


def test_the_persons_history_lists_the_follow_up_reminder(client, no_staff_mfa):
    territory = TerritoryFactory()
    operator = moderator_for(territory)
    path = PathFactory(
        participant__territory=territory,
        participant__operator=operator,
        stage=Stage.COMPLETED,
        follow_up_due=datetime.date(2027, 6, 1),
    )
    run_staff(datetime.datetime(2027, 6, 10, 9, tzinfo=datetime.UTC))
    client.force_login(operator)
    response = client.get(reverse("participants_admin:history", args=[path.participant.pk]))
    assert response.status_code == 200
    assert "Reminder sent: Follow-up overdue" in response.content.decode()
