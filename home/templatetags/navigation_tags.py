"""Header and footer furniture: main menu, language switcher, breadcrumbs, footer settings.

Everything that is the same on every page of a language comes from the cached chrome
(home/chrome.py); a page's translations are kept under the content generation
(home/generation.py); only its ancestors are queried, when routing did not find them.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from home.chrome import chrome_for
from home.funding import funding_for
from home.generation import remember
from home.models import FundingDisclosure
from home.routing import routed_ancestors

register = template.Library()


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the active language (the default-language one when untranslated)."""
    request = context.get("request")
    return chrome_for(request).home if request else None


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    """The URL of the home page in the active language, or "/"."""
    request = context.get("request")
    return (chrome_for(request).home_url if request else None) or "/"


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", in the active language."""
    request = context["request"]
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "request": request,
        "items": [
            {
                **item,
                "current": item["path"] == current_path,
                "active": bool(current_path) and current_path.startswith(item["path"]),
            }
            for item in chrome_for(request).menu
        ],
    }


def live_translations(request, page):
    """The page's live versions in every language with their locales (the language switcher
    and the hreflang links both ask), kept until content changes."""
    memo = getattr(request, "_approdo_translations", None)
    if memo is None or memo[0] != page.pk:
        versions = remember(
            f"translations:{page.translation_key}",
            lambda: list(
                Page.objects.filter(translation_key=page.translation_key)
                .live()
                .select_related("locale")
                .only("id", "path", "depth", "url_path", "locale__language_code", "live")
            ),
        )
        memo = (page.pk, versions)
        request._approdo_translations = memo
    return memo[1]


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
        for translated in live_translations(request, page):
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
    request = context["request"]
    ancestors = routed_ancestors(request, page)
    if ancestors is None:
        ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "page": page, "request": request}


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The cached header and footer values (settings, disclosure, legal page URLs)."""
    return chrome_for(context["request"])


@register.simple_tag
def funding_disclosure(site_settings):
    """The funding statement chosen in site settings, in the active language."""
    disclosure = getattr(site_settings, "funding_disclosure", None)
    return disclosure.localized if isinstance(disclosure, FundingDisclosure) else None


@register.simple_tag
def page_funding(page):
    """The funding of the project ``page`` presents, or None: the site's statement applies."""
    return funding_for(page)


@register.simple_tag
def localized_page(page):
    """A settings-linked page (privacy, accessibility) in the active language."""
    if not isinstance(page, Page):
        return None
    return page.localized.specific


@register.simple_tag(takes_context=True)
def active_locale(context):
    """The Wagtail Locale matching the active UI language."""
    request = context.get("request")
    return chrome_for(request).locale if request else Locale.get_active()
