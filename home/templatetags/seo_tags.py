"""Search-engine and link-preview metadata for the page ``<head>``.

``{% seo_meta %}`` renders ``includes/seo_meta.html``: the canonical URL, hreflang links to
the page's live translations (with ``x-default`` on the Italian one), OpenGraph and Twitter
card tags, and schema.org JSON-LD on the pages that describe themselves as articles
(``schema_org_article``: news pages).
"""

import json
import logging
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from home.chrome import chrome_for
from home.models import SiteSettings
from home.seo import absolute_url
from home.templatetags.navigation_tags import live_translations

register = template.Library()
logger = logging.getLogger("approdo.seo")

SOCIAL_IMAGE_SPEC = "fill-1200x630"
# OpenGraph wants language_TERRITORY; these are the usual territories for the site's languages.
OG_LOCALES = {"it": "it_IT", "en": "en_GB", "ar": "ar_AR"}
# The same characters django.utils.html.json_script escapes, so the JSON cannot close the
# <script> element or open a comment whatever the editors typed.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def og_locale(language_code):
    return OG_LOCALES.get(language_code, translation.to_locale(language_code))


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` element, escaped as ``json_script`` does."""
    escaped = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))


def canonical_url(request, page):
    """The page's full URL, plus the sub-path when a routable page serves a route below it."""
    full_url = absolute_url(request, page)
    if not full_url:
        return request.build_absolute_uri(request.path)
    page_path = urlsplit(full_url).path
    if request.path != page_path and request.path.startswith(page_path):
        return full_url + request.path[len(page_path) :]
    return full_url


def translations(request, page):
    """[(language code, full URL)] of the page's live public versions, in LANGUAGES order."""
    chrome = chrome_for(request)
    urls = {
        version.locale.language_code: absolute_url(request, version)
        for version in live_translations(request, page)
        if not chrome.is_private(version.path)
    }
    return [(code, urls[code]) for code, _name in settings.LANGUAGES if urls.get(code)]


def social_image(request, page):
    """(image, rendition, absolute URL) for link previews, or None."""
    image = getattr(page, "social_image", None) or getattr(page, "image", None)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
    except SourceImageIOError:
        logger.warning("Social image %s has no source file", image.pk)
        return None
    return image, rendition, request.build_absolute_uri(rendition.url)


def description(page):
    for name in ("search_description", "listing_summary", "lead", "intro"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


@register.inclusion_tag("includes/seo_meta.html", takes_context=True)
def seo_meta(context):
    """Canonical, hreflang, OpenGraph, Twitter card and JSON-LD tags for this response."""
    request = context.get("request")
    if request is None:
        return {}
    site_settings = SiteSettings.for_request(request)
    language = translation.get_language()
    meta = {
        "site_name": site_settings.project_name,
        "og_locale": og_locale(language),
        "og_type": "website",
    }
    if "request_path" in context:
        # Django's 404 view sets request_path: a missing page has no canonical URL.
        return meta
    page = context.get("page")
    if not isinstance(page, Page):
        meta["canonical"] = request.build_absolute_uri(request.path)
        return meta

    meta["canonical"] = canonical_url(request, page)
    meta["title"] = page.seo_title or page.title
    meta["description"] = description(page)
    alternates = translations(request, page)
    if len(alternates) > 1:
        meta["alternates"] = alternates
        meta["x_default"] = dict(alternates).get(settings.LANGUAGE_CODE)
        meta["og_locale_alternates"] = [
            og_locale(code) for code, _url in alternates if code != language
        ]
    image = social_image(request, page)
    if image:
        meta["image"], meta["rendition"], meta["image_url"] = image
    # An article page (news) describes itself for search engines: see NewsPage.
    schema_org_article = getattr(page, "schema_org_article", None)
    if schema_org_article is not None:
        meta["og_type"] = "article"
        meta["article"] = page
        meta["json_ld"] = json_ld_script(
            schema_org_article(
                canonical=meta["canonical"],
                image_url=meta.get("image_url"),
                publisher=site_settings.project_name,
                summary=meta["description"],
            )
        )
    return meta
