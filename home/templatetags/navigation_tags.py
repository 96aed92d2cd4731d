"""Header and footer furniture: main menu, language switcher, breadcrumbs, footer settings."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import FundingDisclosure

register = template.Library()


def _localized_home(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized.specific


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the active language (the default-language one when untranslated)."""
    request = context.get("request")
    return _localized_home(request) if request else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", in the active language."""
    request = context["request"]
    home = _localized_home(request)
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "request": request,
        "items": [
            {
                "page": item,
                "current": item.path == current_path,
                "active": bool(current_path) and current_path.startswith(item.path),
            }
            for item in items
        ],
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this content in every language.

    On a Wagtail page it points at the live translation of that page, or at the home page
    of a language that has no translation yet; elsewhere it translates the URL itself.
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    targets = {}
    if isinstance(page, Page):
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            targets[translated.locale.language_code] = translated.get_url(request)
    languages = []
    for code, name in settings.LANGUAGES:
        if code in targets:
            url = targets[code]
        elif isinstance(page, Page):
            url = f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        languages.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "bidi": code in settings.LANGUAGES_BIDI,
            }
        )
    return {"languages": languages}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Ancestors of the current page below the site root (AGID asks for them on inner pages)."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2).specific().defer_streamfields()
    return {"ancestors": ancestors, "page": page, "request": context["request"]}


@register.simple_tag
def funding_disclosure(site_settings):
    """The funding statement chosen in site settings, in the active language."""
    disclosure = getattr(site_settings, "funding_disclosure", None)
    return disclosure.localized if isinstance(disclosure, FundingDisclosure) else None


@register.simple_tag
def localized_page(page):
    """A settings-linked page (privacy, accessibility) in the active language."""
    if not isinstance(page, Page):
        return None
    return page.localized.specific


@register.simple_tag
def active_locale():
    """The Wagtail Locale matching the active UI language."""
    return Locale.get_active()
