"""Nobody outside the Monitoring group reaches a special-category answer, by any URL."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from monitoring import services
from monitoring.models import MonitoringRead, MonitoringRecord
from monitoring.permissions import can_read_answers
from tests.factories.companies import MembershipFactory, TerritoryFactory
from tests.factories.participants import ParticipantFactory, moderator_for, tutor
from tests.factories.users import StaffUserFactory, UserFactory, admin_user, staff_in_group

pytestmark = pytest.mark.django_db

QUESTION = "Is a third-country national"


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def recorded(monitoring_user):
    territory = TerritoryFactory()
    person = ParticipantFactory(territory=territory)
    services.record(
        monitoring_user,
        person,
        consent_given_on=datetime.date(2026, 11, 3),
        answers={"third_country": "yes", "disability": "yes"},
    )
    return person


def outsiders(territory):
    everyone_else = UserFactory(is_staff=True)
    return {
        "moderator": moderator_for(territory),
        "tutor": tutor(),
        "company user": MembershipFactory().user,
        "staff without the group": admin_user(everyone_else, "participants.view_participant"),
        "superuser": admin_user(StaffUserFactory()),
        "editor": staff_in_group("Editors") if Group.objects.filter(name="Editors") else None,
    }


def monitoring_urls(person):
    return [
        url("monitoring_find") + f"?code={person.code}",
        url("monitoring_record", person.pk),
    ]


def test_only_the_monitoring_group_opens_the_answers(client, recorded, monitoring_user):
    for role, user in outsiders(recorded.territory).items():
        if user is None:
            continue
        client.force_login(user)
        for address in monitoring_urls(recorded):
            response = client.get(address)
            assert response.status_code in (404, 302), (role, address)
            assert QUESTION not in response.content.decode(), (role, address)
        response = client.post(url("monitoring_withdraw", recorded.pk))
        assert response.status_code in (404, 302), role
        response = client.post(
            url("monitoring_record", recorded.pk),
            {"consent": "on", "consent_given_on": "2026-11-03", "third_country": "no"},
        )
        assert response.status_code in (404, 302), role
        assert not can_read_answers(user), role
    assert MonitoringRead.objects.count() == 0
    assert MonitoringRecord.objects.get().answer_map()["third_country"] == "yes"
    client.force_login(monitoring_user)
    assert client.get(url("monitoring_record", recorded.pk)).status_code == 200


def test_the_persons_own_screens_never_show_the_answers(client, recorded, staff_client):
    moderator = moderator_for(recorded.territory)
    pages = [
        url("participants_admin:inspect", recorded.pk),
        url("participants_admin:edit", recorded.pk),
        url("participants_admin:index"),
        url("participants_admin:export", recorded.pk),
        url("participants_admin:index") + "?export=csv",
        url("participants_admin:index") + "?export=xlsx",
    ]
    for user_client in (staff_client,):
        for address in pages:
            response = user_client.get(address)
            body = b"".join(response) if response.streaming else response.content
            assert QUESTION.encode() not in body, address
            assert b"third_country" not in body, address
    client.force_login(moderator)
    response = client.get(url("participants_admin:inspect", recorded.pk))
    assert QUESTION not in response.content.decode()


def test_the_menu_shows_only_to_the_group(client, monitoring_user, no_staff_mfa):
    link = f'"{url("monitoring_find")}"'
    client.force_login(admin_user(StaffUserFactory()))
    assert link not in client.get(url("wagtailadmin_home")).content.decode()
    client.force_login(monitoring_user)
    assert link in client.get(url("wagtailadmin_home")).content.decode()


def test_the_group_comes_from_the_migration_with_the_named_permission():
    group = Group.objects.get(name="Monitoring")
    assert group.permissions.filter(codename="read_answers").exists()
    assert Permission.objects.filter(codename="read_answers").count() == 1


def test_a_code_opens_a_person_and_a_wrong_code_says_so(client, recorded, monitoring_user):
    client.force_login(monitoring_user)
    response = client.get(url("monitoring_find") + f"?code={recorded.code.lower()}")
    assert response.status_code == 302
    assert response.url == url("monitoring_record", recorded.pk)
    response = client.get(url("monitoring_find") + "?code=PAR-NOPE00")
    assert "No participant has this code." in response.content.decode()
    assert client.get(url("monitoring_record", 999999)).status_code == 404


def test_administrators_grant_the_permissions_on_the_group_page(staff_client):
    group = Group.objects.get(name="Monitoring")
    response = staff_client.get(url("wagtailusers_groups:edit", group.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Can read and record the ESF+ special-category answers" in html
    assert "Can view the ESF+ indicator tables" in html
