"""Builds the demo site from home.demo: pages, snippets, translations, accounts.

Every step finds what already exists, so running it again adds nothing; only the demo
passwords change.
"""

import datetime
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site
from wagtail_localize.models import Translation, TranslationSource

from companies.demo import build_demo_companies, build_demo_interns
from companies.models import Territory
from home import demo
from home.models import (
    FormField,
    FormPage,
    FundingDisclosure,
    HomePage,
    Partner,
    ProjectPage,
    ProjectPartner,
    SiteSettings,
    StandardPage,
)
from news.models import CallIndexPage, CallPage, NewsIndexPage, NewsPage, Topic
from participants.demo import build_participants_demo

SOURCE = "it"
TARGETS = ("en", "ar")
ROLE_GROUPS = {"editor": "Editors", "moderator": "Moderators", "tutor": "Tutors"}
HOME_SLUGS = {"it": "home", "en": "home-en", "ar": "home-ar"}


def paragraphs(items, code=SOURCE):
    return [("paragraph", f"<p>{item[code]}</p>") for item in items]


def rich(items, code=SOURCE):
    items = items if isinstance(items, list) else [items]
    return "".join(f"<p>{item[code]}</p>" for item in items)


class DemoBuilder:
    """Creates the Italian source content, then translates it through wagtail-localize."""

    def __init__(self):
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        self.source_locale = Locale.objects.get(language_code=SOURCE)
        self.translations = []  # (instance, spec, extra slug mapping)

    def build(self):
        # One transaction for the Italian content, one per translation: wagtail-localize
        # publishes a translation when its transaction commits, and the next translation
        # (a child page) needs its parent published first.
        with transaction.atomic():
            self.build_sources()
        for code in TARGETS:
            locale = Locale.objects.get(language_code=code)
            for instance, spec, slug in self.translations:
                with transaction.atomic():
                    self.translate(instance, locale, spec, slug)
        Site.clear_site_root_paths_cache()
        return self.accounts()

    def build_sources(self):
        home = self.home_page()
        topics = {spec["slug"]: self.topic(spec) for spec in demo.TOPICS}
        partners = [self.partner(spec) for spec in demo.PARTNERS]
        project = self.project(home, partners)
        news_index = self.child(
            home, NewsIndexPage, demo.NEWS_INDEX, intro=demo.NEWS_INDEX["intro"]
        )
        for spec in demo.NEWS:
            self.news(news_index, spec, topics, project)
        call_index = self.child(
            home, CallIndexPage, demo.CALL_INDEX, intro=demo.CALL_INDEX["intro"]
        )
        for spec in demo.CALLS:
            self.call(call_index, spec, project)
        legal = {
            spec["key"]: self.child(
                home,
                StandardPage,
                spec,
                intro=spec["intro"],
                menu=False,
                body=paragraphs(spec["body"]),
            )
            for spec in demo.STANDARD_PAGES
        }
        self.contact_page(home)
        self.site_settings(legal, self.funding_disclosure())
        for spec in demo.TERRITORIES:
            Territory.objects.get_or_create(code=spec["code"], defaults={"name": spec["name"]})

    # --- pages --------------------------------------------------------------------------

    def home_page(self):
        home = HomePage.objects.get(depth=2, locale=self.source_locale)
        if not home.hero_lead:
            for field in (
                "title",
                "seo_title",
                "hero_lead",
                "companies_cta_title",
                "companies_cta_text",
            ):
                setattr(home, field, demo.HOME[field][SOURCE])
            home.intro = rich(demo.HOME["intro"])
            home.draft_title = home.title
            home.save_revision().publish()
        self.translations.append((home, demo.HOME, HOME_SLUGS))
        return home

    def child(self, parent, model, spec, menu=True, **fields):
        """The published child page with the spec's Italian slug, created if missing."""
        slug = spec["slug"][SOURCE]
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            values = {k: v[SOURCE] if isinstance(v, dict) else v for k, v in fields.items()}
            page = model(title=spec["title"][SOURCE], slug=slug, show_in_menus=menu, **values)
            parent.add_child(instance=page)
            page.save_revision().publish()
        self.translations.append((page, spec, None))
        return page

    def project(self, home, partners):
        spec = demo.PROJECT_PAGE
        existing = ProjectPage.objects.child_of(home).filter(slug=spec["slug"][SOURCE]).exists()
        project = self.child(
            home,
            ProjectPage,
            spec,
            intro=spec["intro"],
            programme=spec["programme"],
            budget=spec["budget"],
            start_date=spec["start_date"],
            end_date=spec["end_date"],
            target_participants=spec["target_participants"],
            target_internships=spec["target_internships"],
            body=paragraphs(spec["body"]),
            contacts=rich(spec["contacts"]),
        )
        if not existing:
            for order, partner in enumerate(partners):
                ProjectPartner.objects.create(page=project, partner=partner, sort_order=order)
            project.save_revision().publish()
        return project

    def news(self, index, spec, topics, project):
        existing = NewsPage.objects.child_of(index).filter(slug=spec["slug"][SOURCE]).exists()
        page = self.child(
            index,
            NewsPage,
            spec,
            menu=False,
            lead=spec["lead"],
            date=spec["date"],
            body=paragraphs(spec["body"]),
            project=project,
        )
        if not existing and spec.get("topics"):
            page.topics.set([topics[slug] for slug in spec["topics"] if slug in topics])
            page.save_revision().publish()
        return page

    def call(self, index, spec, project):
        today = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
        closes = today + datetime.timedelta(days=spec["closes_in_days"])
        return self.child(
            index,
            CallPage,
            spec,
            menu=False,
            lead=spec["lead"],
            audience=spec["audience"],
            project=project,
            opens_at=today + datetime.timedelta(days=spec["opens_in_days"]),
            closes_at=closes.replace(hour=12),
            eligibility=rich(spec["eligibility"]) if spec.get("eligibility") else "",
            exclusions=rich(spec["exclusions"]) if spec.get("exclusions") else "",
            how_to_apply=rich(spec["how_to_apply"]) if spec.get("how_to_apply") else "",
            contacts=rich(spec["contacts"]) if spec.get("contacts") else "",
        )

    def contact_page(self, home):
        spec = demo.CONTACT_PAGE
        existing = FormPage.objects.child_of(home).filter(slug=spec["slug"][SOURCE]).exists()
        page = self.child(
            home,
            FormPage,
            spec,
            intro=rich(spec["intro"]),
            thank_you_text=rich(spec["thank_you_text"]),
        )
        if not existing:
            for order, field in enumerate(spec["fields"]):
                FormField.objects.create(
                    page=page,
                    sort_order=order,
                    label=field["label"][SOURCE],
                    field_type=field["field_type"],
                    required=field["required"],
                    choices=field.get("choices", {}).get(SOURCE, ""),
                    locale=self.source_locale,
                )
            page.save_revision().publish()
        return page

    # --- snippets and settings ----------------------------------------------------------

    def topic(self, spec):
        topic, _created = Topic.objects.get_or_create(
            slug=spec["slug"], locale=self.source_locale, defaults={"name": spec["name"][SOURCE]}
        )
        self.translations.append((topic, spec, None))
        return topic

    def partner(self, spec):
        partner, _created = Partner.objects.get_or_create(
            name=spec["name"][SOURCE],
            locale=self.source_locale,
            defaults={"role": spec["role"][SOURCE], "url": spec.get("url", "")},
        )
        self.translations.append((partner, spec, None))
        return partner

    def funding_disclosure(self):
        disclosure, _created = FundingDisclosure.objects.get_or_create(
            name=demo.FUNDING["name"],
            locale=self.source_locale,
            defaults={
                "programme": demo.FUNDING["programme"][SOURCE],
                "statement": demo.FUNDING["statement"][SOURCE],
            },
        )
        self.translations.append((disclosure, demo.FUNDING, None))
        return disclosure

    def site_settings(self, legal, disclosure):
        site = Site.objects.get(is_default_site=True)
        site.site_name = "Approdo"
        site.save()
        site_settings = SiteSettings.for_site(site)
        for field, value in demo.PROJECT.items():
            setattr(site_settings, field, value)
        site_settings.funding_disclosure = disclosure
        site_settings.accessibility_page = legal["accessibility_page"]
        site_settings.privacy_page = legal["privacy_page"]
        site_settings.save()

    # --- translations -------------------------------------------------------------------

    def translate(self, instance, locale, spec, slug=None):
        """Translate through wagtail-localize, as an editor would with a PO file."""
        if instance.has_translation(locale):
            return
        mapping = self.mapping(spec, locale.language_code)
        if slug:
            mapping[slug[SOURCE]] = slug[locale.language_code]
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        po = translation.export_po()
        for entry in po:
            entry.msgstr = mapping.get(entry.msgid, entry.msgid)
        translation.import_po(po, tool_name="seed_demo")
        translation.save_target(publish=True)

    @classmethod
    def mapping(cls, spec, code):
        """{Italian text: translated text} for every translatable string in a spec."""
        pairs = {}
        values = spec.values() if isinstance(spec, dict) else spec
        for value in values:
            if isinstance(value, dict) and SOURCE in value and code in value:
                if isinstance(value[SOURCE], str):
                    pairs[value[SOURCE]] = value[code]
                    # Dropdown choices are translated one by one.
                    for src, dst in zip(
                        value[SOURCE].split(","), value[code].split(","), strict=False
                    ):
                        pairs.setdefault(src.strip(), dst.strip())
            elif isinstance(value, list | tuple):
                pairs.update(cls.mapping(list(value), code))
            elif isinstance(value, dict):
                pairs.update(cls.mapping(value, code))
        return pairs

    # --- accounts -----------------------------------------------------------------------

    def accounts(self):
        User = get_user_model()
        credentials = []
        users = {}
        for spec in demo.DEMO_ACCOUNTS:
            user, _created = User.objects.get_or_create(
                email=spec["email"],
                defaults={"first_name": spec["first_name"], "last_name": spec["last_name"]},
            )
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.is_staff = spec["role"] in ROLE_GROUPS
            user.save()
            if spec["role"] in ROLE_GROUPS:
                group = Group.objects.filter(name=ROLE_GROUPS[spec["role"]]).first()
                if group:
                    user.groups.add(group)
            EmailAddress.objects.update_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
            credentials.append((spec["role"], user.email, password))
            users[spec["role"]] = user
        build_demo_companies(users["company"], users["moderator"])
        build_demo_interns(users["tutor"])
        build_participants_demo(users["moderator"], users["tutor"])
        return credentials
