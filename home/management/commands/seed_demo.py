"""Builds the demo site: pages in Italian translated through wagtail-localize, demo accounts.

Idempotent: a second run finds what exists and only resets the demo passwords, which are
printed to this console and nowhere else.
"""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from home import demo_content as demo
from home.models import FundingDisclosure, HomePage, SiteSettings, StandardPage
from news.models import NewsIndexPage, NewsPage

SOURCE = "it"
TARGETS = ("en", "ar")
ROLE_GROUPS = {"editor": "Editors", "moderator": "Moderators"}


class Command(BaseCommand):
    help = "Load the demo content and demo accounts (never with production settings)."

    def handle(self, *args, **options):
        if settings.APPRODO_ENVIRONMENT == "production":
            raise CommandError("seed_demo refuses to run with production settings.")
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=code)

        home = self.home_page()
        index = self.child(home, NewsIndexPage, demo.NEWS_INDEX, intro=demo.NEWS_INDEX["intro"])
        news = [
            self.child(
                index, NewsPage, item, lead=item["lead"], date=item["date"], body=item["body"]
            )
            for item in demo.NEWS
        ]
        legal = {
            spec["key"]: self.child(
                home, StandardPage, spec, intro=spec["intro"], body=spec["body"]
            )
            for spec in demo.STANDARD_PAGES
        }
        disclosure = self.funding_disclosure()
        self.site_settings(home, legal, disclosure)

        for code in TARGETS:
            locale = Locale.objects.get(language_code=code)
            self.translate(
                home, locale, demo.HOME, slug={"it": "home", "en": "home-en", "ar": "home-ar"}
            )
            self.translate(index, locale, demo.NEWS_INDEX)
            for page, item in zip(news, demo.NEWS, strict=True):
                self.translate(page, locale, item)
            for spec in demo.STANDARD_PAGES:
                self.translate(legal[spec["key"]], locale, spec)
            self.translate(disclosure, locale, demo.FUNDING)

        Site.clear_site_root_paths_cache()
        self.print_summary(self.accounts())

    # --- pages --------------------------------------------------------------------------

    def home_page(self):
        home = HomePage.objects.get(depth=2, locale__language_code=SOURCE)
        if not home.hero_lead:
            for field in (
                "title",
                "seo_title",
                "hero_lead",
                "companies_cta_title",
                "companies_cta_text",
            ):
                setattr(home, field, demo.HOME[field][SOURCE])
            home.intro = f"<p>{demo.HOME['intro'][SOURCE]}</p>"
            home.draft_title = home.title
            home.save_revision().publish()
        return home

    def child(self, parent, model, spec, **fields):
        """The published child page with the spec's Italian slug, created if missing."""
        slug = spec["slug"][SOURCE]
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        values = {
            name: value[SOURCE] if isinstance(value, dict) else value
            for name, value in fields.items()
        }
        if "body" in values:
            values["body"] = [
                ("paragraph", f"<p>{paragraph[SOURCE]}</p>") for paragraph in fields["body"]
            ]
        page = model(
            title=spec["title"][SOURCE], slug=slug, show_in_menus=model is NewsIndexPage, **values
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def funding_disclosure(self):
        default_locale = Locale.objects.get(language_code=SOURCE)
        disclosure, _created = FundingDisclosure.objects.get_or_create(
            name=demo.FUNDING["name"],
            locale=default_locale,
            defaults={
                "programme": demo.FUNDING["programme"][SOURCE],
                "statement": demo.FUNDING["statement"][SOURCE],
            },
        )
        return disclosure

    def site_settings(self, home, legal, disclosure):
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

    @staticmethod
    def mapping(spec, code):
        pairs = {}
        for value in spec.values():
            if isinstance(value, dict) and SOURCE in value and code in value:
                pairs[value[SOURCE]] = value[code]
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, dict) and SOURCE in item:
                        pairs[item[SOURCE]] = item[code]
        return pairs

    # --- accounts -----------------------------------------------------------------------

    def accounts(self):
        User = get_user_model()
        credentials = []
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
        return credentials

    def print_summary(self, credentials):
        out = self.stdout
        out.write(self.style.SUCCESS("\nApprodo demo is ready."))
        out.write("  Site:   http://127.0.0.1:8000/it/  ·  /en/  ·  /ar/")
        out.write("  Admin:  http://127.0.0.1:8000/admin/ (through the site login)")
        out.write("  Demo log-ins (passwords change on every run, shown only here):")
        for role, email, password in credentials:
            out.write(f"    {role:<10} {email:<28} {password}")
        pages = Page.objects.filter(depth__gte=2).count()
        out.write(f"  Pages in all languages: {pages}\n")
