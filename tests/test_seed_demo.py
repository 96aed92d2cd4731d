"""The demo content: believable, translated through wagtail-localize, idempotent.

Runs with real commits (like `make run`): wagtail-localize publishes translations on
transaction commit.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import Translation

from allowance.models import AllowanceBudget
from companies.models import (
    Company,
    CompanyStatus,
    Placement,
    PlacementEvent,
    PlacementStatus,
    Territory,
)
from home.models import FormPage, HomePage, Partner, ProjectPage, SiteSettings
from news.models import CallPage, CallStatus, NewsPage, Topic
from participants.models import Participant
from results.models import ResultsPage


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.mark.slow
def test_builds_a_translated_site_then_changes_nothing_on_a_second_run(
    transactional_db, client, private_dir
):
    output = seed()
    # The allowance budget is shared by the project's funders: ESF+ and the Region.
    budget = AllowanceBudget.objects.get()
    assert [(s.source.kind, s.amount) for s in budget.shares.all()] == [
        ("eu_esf_plus", 96000),
        ("region", 24000),
    ]
    for code in ("it", "en", "ar"):
        assert HomePage.objects.filter(locale__language_code=code, live=True).exists()
        assert NewsPage.objects.filter(locale__language_code=code, live=True).count() >= 12
        assert ProjectPage.objects.filter(locale__language_code=code, live=True).count() == 1
        assert FormPage.objects.filter(locale__language_code=code, live=True).count() == 1
        assert Topic.objects.filter(locale__language_code=code).count() >= 5
        assert Partner.objects.filter(locale__language_code=code).count() >= 5
    assert Territory.objects.count() >= 2
    calls = CallPage.objects.filter(locale__language_code="it")
    assert {call.status for call in calls} == set(CallStatus.values)
    assert any(call.accepts_host_companies for call in calls)
    # Translations went through wagtail-localize, so editors can keep them in sync.
    assert Translation.objects.filter(target_locale__language_code="ar").count() >= 30
    arabic = NewsPage.objects.filter(locale__language_code="ar").first()
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic.title)
    emails = set(get_user_model().objects.values_list("email", flat=True))
    assert {
        "editor@approdo.example",
        "moderator@approdo.example",
        "azienda@approdo.example",
    } <= emails
    assert "editor@approdo.example" in output
    site_settings = SiteSettings.objects.get()
    assert site_settings.funding_disclosure is not None
    assert site_settings.privacy_page is not None

    for url in (
        "/it/notizie/",
        "/en/news/",
        "/ar/news/",
        "/en/news/approdo-starts/",
        "/ar/calls/",
        "/en/approdo-project/",
        "/ar/contact/",
    ):
        assert client.get(url).status_code == 200, url
    # The demo project's results page, with live figures, in every language.
    for code in ("it", "en", "ar"):
        results = ResultsPage.objects.get(locale__language_code=code, live=True)
        response = client.get(results.url)
        assert response.status_code == 200, results.url
        assert 'id="results-figures"' in response.text
    english_home = client.get("/en/").text
    assert "Co-funded by the European Union" in english_home
    assert "European Social Fund Plus" in english_home
    assert 'href="/en/privacy/"' in english_home

    # Host companies for the moderator's queue; the demo company user owns a submitted one.
    owner = get_user_model().objects.get(email="azienda@approdo.example")
    moderator = get_user_model().objects.get(email="moderator@approdo.example")
    assert [c.status for c in Company.objects.visible_to(owner)] == [CompanyStatus.SUBMITTED]
    assert Company.objects.reviewable_by(moderator).awaiting_review().count() == 2
    assert Company.objects.count() == 4
    # Interns waiting in the demo company's territory; the approved company's placements.
    waiting = Participant.objects.filter(code__startswith="TIR-DEMO", placements__isnull=True)
    assert waiting.count() == 3
    tutor = get_user_model().objects.get(email="tutor@approdo.example")
    assert tutor.groups.filter(name="Tutors").exists()
    placed = Placement.objects.filter(project_tutor=tutor)
    assert sorted(placed.values_list("status", "hired_after")) == [
        (PlacementStatus.ACTIVE, None),
        (PlacementStatus.COMPLETED, True),
    ]
    assert PlacementEvent.objects.filter(action="complete").count() == 1
    # Its placements could start: its signed agreement is accepted.
    shop = Company.objects.get(status=CompanyStatus.APPROVED)
    assert shop.documents.filter(status="accepted").count() == 1

    pages, people = Page.objects.count(), Participant.objects.count()
    user = get_user_model().objects.get(email="editor@approdo.example")
    old_hash = user.password
    seed()
    assert Page.objects.count() == pages
    assert Company.objects.count() == 4
    assert (Participant.objects.count(), Placement.objects.count()) == (people, 2)
    user.refresh_from_db()
    assert user.password != old_hash


def test_refuses_production_settings(settings):
    from django.core.management.base import CommandError

    settings.APPRODO_ENVIRONMENT = "production"
    with pytest.raises(CommandError):
        seed()


def test_calls_the_demo_builder_of_any_project_app_that_has_one(monkeypatch):
    """An app adds its demo data with a ``demo`` module and ``build_demo(accounts)``."""
    import sys
    import types

    from demo import builder
    from demo import companies as demo_companies

    participants_demo = types.ModuleType("participants.demo")
    participants_demo.build_demo = lambda accounts: None
    monkeypatch.setitem(sys.modules, "participants.demo", participants_demo)
    monkeypatch.setattr(
        builder,
        "module_has_submodule",
        lambda package, name: name == "demo" and package.__name__ in {"participants", "wagtail"},
    )
    assert builder.app_demo_builders() == [
        demo_companies.build_demo,
        participants_demo.build_demo,
    ]
