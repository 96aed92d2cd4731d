"""Generated documents as PDF: the same HTML always gives the same bytes.

No dates in the metadata and a document identifier derived from the HTML, so a hash can
stand for "the PDF we generated"; no network and no server files while rendering, so a
template cannot reach anything but data: URLs. Used by the agreements and the allowance
statements.
"""

import hashlib

import weasyprint
from django.conf import settings

RTL_LANGUAGES = {"ar"}


def direction(language):
    """The text direction of ``language`` for the <html dir> attribute."""
    return "rtl" if language in RTL_LANGUAGES else "ltr"


def _fetcher():
    """Documents may embed data: URLs only; no network, no files of the server."""
    return weasyprint.urls.URLFetcher(allowed_protocols=("data",), fail_on_errors=False)


def render_pdf(html):
    """Tagged PDF (PDF/UA-1) with real text; identical bytes for identical HTML."""
    identifier = hashlib.sha256(html.encode()).digest()[:16]
    document = weasyprint.HTML(
        string=html, base_url=str(settings.BASE_DIR), url_fetcher=_fetcher()
    ).render()
    # No creation or modification date: they would change the bytes on every download.
    document.metadata.created = None
    document.metadata.modified = None
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=identifier)
