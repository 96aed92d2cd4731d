"""No API answer carries a monitoring record or the person it belongs to.

With a record stored, every endpoint the URLconf serves under /api/ (and the admin's own
JSON endpoints) is asked for lists, details, searches and lookups, by an anonymous visitor
and by staff without the Monitoring group; none may answer with the person, the answers,
the ciphertext or the record's fields.
"""

import datetime
import re

import pytest
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver

from home.models import HomePage, ProjectPage
from monitoring import services
from monitoring.models import CODES, MonitoringRecord
from news.api import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet, PublicPagesAPIViewSet
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import ParticipantFactory, PathFactory, moderator_for
from tests.factories.users import StaffUserFactory, admin_user, staff_in_group
from tests.test_feeds_sitemap import publish

pytestmark = pytest.mark.django_db

CONSENT = datetime.date(2026, 11, 7)
PUBLIC_API_VIEWSETS = {PublicPagesAPIViewSet, PublicImagesAPIViewSet, PublicDocumentsAPIViewSet}


def routes(patterns=None, prefix=""):
    """(route, view class or function) of every URL pattern, includes unfolded."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern).replace("^", "")
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            callback = pattern.callback
            yield route, getattr(callback, "cls", callback), getattr(callback, "actions", {})


def gets(route_prefix):
    """The GET routes under ``route_prefix``."""
    return [
        route
        for route, _view, actions in routes()
        if route.startswith(route_prefix) and (not actions or "get" in actions)
    ]


@pytest.fixture
def recorded(no_staff_mfa):
    """A person with a monitoring record, a path, and a public project page beside them."""
    territory = TerritoryFactory()
    recorder = staff_in_group("Monitoring", email="registra.consenso.qx7@example.org")
    person = ParticipantFactory(
        territory=territory,
        given_name="Zenobia",
        family_name="Quaglierini",
        email="zenobia.quaglierini@example.net",
    )
    path = PathFactory(participant=person)
    record = services.record(
        recorder,
        person,
        consent_given_on=CONSENT,
        answers={
            "disability": "yes",
            "third_country": "yes",
            "foreign_background": "not_stated",
            "minority": "no",
            "housing_exclusion": "yes",
        },
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT answers FROM monitoring_monitoringrecord WHERE id = %s", [record.pk])
        (ciphertext,) = cursor.fetchone()
    home = HomePage.objects.get(depth=2, locale__language_code="it")
    page = publish(
        home,
        ProjectPage(
            title="Progetto pubblico",
            slug="progetto-pubblico",
            programme="PR FSE+ Toscana 2021–2027",
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2027, 12, 31),
        ),
    )
    secrets = [
        person.code,
        person.given_name,
        person.family_name,
        person.email,
        recorder.email,
        ciphertext,
        record.answers,  # the plain JSON, as decrypted
        CONSENT.isoformat(),
        "consent_given_on",
        "consent_recorded",
        *CODES,
    ]
    return {"person": person, "path": path, "record": record, "page": page, "secrets": secrets}


def viewers(territory):
    return {
        "anonymous": None,
        # sees the person's page, never their answers
        "moderator of the person": moderator_for(territory),
        "superuser": admin_user(StaffUserFactory()),
    }


def addresses(route, ids, code):
    """Concrete URLs for one route: each id where it takes one, and the queries a client
    could try to reach people through."""
    if "<int:pk>" in route:
        return ["/" + route.replace("<int:pk>", str(pk)) for pk in ids]
    if "<" in route:  # other parameters: filled by the caller
        return []
    base = "/" + route
    if route.endswith("find/"):
        return [f"{base}?id={pk}" for pk in ids] + [f"{base}?html_path=/"]
    return [
        base,
        f"{base}?fields=*",
        f"{base}?search={code}",
        f"{base}?type=participants.Participant",
        f"{base}?type=monitoring.MonitoringRecord",
        f"{base}?type=home.ProjectPage&fields=*",
    ]


def assert_nothing_exposed(client, url, secrets, who):
    response = client.get(url)
    assert response.status_code in (200, 302, 400, 403, 404), (who, url, response.status_code)
    body = response.content.decode(errors="replace")
    for secret in secrets:
        assert secret not in body, (who, url, secret)


def test_the_api_serves_only_the_public_pages_images_and_documents():
    served = {view for route, view, _actions in routes() if route.startswith("api/")}
    assert served == PUBLIC_API_VIEWSETS
    for viewset in served:
        assert viewset.authentication_classes == []  # a session never widens the answers


def test_no_api_answer_carries_the_record_or_the_person(client, recorded):
    person, record = recorded["person"], recorded["record"]
    ids = [recorded["page"].pk, person.pk, record.pk, recorded["path"].pk]
    urls = [url for route in gets("api/") for url in addresses(route, ids, person.code)]
    assert len(urls) > 20  # every endpoint was asked
    for who, user in viewers(person.territory).items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in urls:
            assert_nothing_exposed(client, url, recorded["secrets"], who)
    # The project page itself is served: the checks above read real answers.
    assert client.get(f"/api/v2/pages/{recorded['page'].pk}/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/",
        "/api/v2/",
        "/api/v2/participants/",
        "/api/v2/participant/",
        "/api/v2/paths/",
        "/api/v2/monitoring/",
        "/api/v2/monitoringrecords/",
        "/api/v1/participants/",
        "/api/v2/snippets/participants/participant/",
    ],
)
def test_no_address_under_api_lists_participants(client, recorded, url):
    for who, user in viewers(recorded["person"].territory).items():
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        assert response.status_code in (302, 404), (who, url)
        body = response.content.decode(errors="replace")
        for secret in recorded["secrets"]:
            assert secret not in body, (who, url, secret)


def test_the_admins_json_endpoints_do_not_reach_them_either(client, recorded):
    """The admin's page, image and document API and the translation tool's snippet API
    answer staff only; neither reaches a person or a record."""
    person, record = recorded["person"], recorded["record"]
    ids = [recorded["page"].pk, person.pk, record.pk]
    urls = [url for route in gets("admin/api/") for url in addresses(route, ids, person.code)]
    snippet_api = gets("admin/localize/api/snippets/")
    assert snippet_api
    for label in ("participants/participant", "monitoring/monitoringrecord", "participants/path"):
        urls.append(f"/admin/localize/api/snippets/{label}/")
        urls.append(f"/admin/localize/api/snippets/{label}/{person.pk}/")
        urls.append(f"/admin/localize/api/snippets/{label}/{record.pk}/")
    for who, user in viewers(person.territory).items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in urls:
            assert_nothing_exposed(client, url, recorded["secrets"], who)
    assert MonitoringRecord.objects.get().answer_map()["third_country"] == "yes"
    assert re.fullmatch(r"PAR-[A-Z0-9]{6}", person.code)
