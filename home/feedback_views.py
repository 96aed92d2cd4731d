"""The "Was this page useful?" form page, reached from the Yes / No links under every page.

Content pages carry only two links (``?useful=yes`` / ``?useful=no``) to this view, never a
form: a form needs a CSRF token, the token needs a cookie, and a page that sets a cookie
cannot be served from the anonymous page cache (``home.cache``). This small page is never
cached, holds the CSRF-protected form with the optional comment, and after the POST sends
the visitor back to the page with ``?feedback=thanks#page-feedback``. No JavaScript needed.

Rate limits are counted in the cache by allauth's limiter under a keyed hash of the client
IP address; the address itself is neither stored nor used as a cache key.
"""

from allauth.core.internal import ratelimit
from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from home.feedback import HONEYPOT_FIELD, PageFeedbackForm

TEMPLATE = "home/page_feedback_form.html"
THANKS_QUERY = "?feedback=thanks#page-feedback"
# Overridable with the APPRODO_FEEDBACK_RATE_LIMITS setting (allauth's rate syntax).
DEFAULT_RATE_LIMITS = {
    # Every POST from one address, whatever the page.
    "page_feedback": "10/h/key",
    # Answers from one address about one page.
    "page_feedback_page": "1/h/key",
}
TOO_MANY = _("You have sent a lot of feedback in a short time. Please try again in an hour.")
ALREADY_SENT = _("You have already told us about this page. Thank you!")


def feedback_page(request, page_id):
    """The live, public page with a URL that feedback is about; 404 for anything else."""
    page = Page.objects.live().public().filter(pk=page_id, depth__gt=1).first()
    url = page.get_url(request) if page else None
    if not url:
        raise Http404
    return page, url


def _client_key(request, *parts):
    # A keyed hash: unlike a plain hash of an IPv4 address it cannot be reversed by trying
    # every address, even by someone who reads the cache.
    address = ratelimit.get_ip(request)
    return salted_hmac("home.feedback.ratelimit", "|".join([address, *parts])).hexdigest()


def _consume(request, action, *key_parts):
    rates = getattr(settings, "APPRODO_FEEDBACK_RATE_LIMITS", DEFAULT_RATE_LIMITS)
    # allauth's public ``consume`` reads its rates from ACCOUNT_RATE_LIMITS only; the
    # function it wraps takes them as an argument.
    return ratelimit.consume(
        request,
        app="home.feedback",
        action=action,
        config=rates,
        key=_client_key(request, *key_parts),
    )


def _render(request, page, url, form=None, refusal=None, status=200):
    context = {"feedback_page": page, "page_url": url, "form": form, "refusal": refusal}
    return TemplateResponse(request, TEMPLATE, context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def page_feedback(request, page_id):
    """GET: the form, preset from ``?useful=``. POST: store the answer, then back to the page.

    A filled honeypot gets the same redirect as a real answer and stores nothing. A missing
    choice or an over-long comment shows the form again with the error; nothing is stored.
    Too many answers from one address get a 429 page.
    """
    page, url = feedback_page(request, page_id)
    if request.method == "GET":
        return _render(
            request, page, url, PageFeedbackForm(initial={"useful": request.GET.get("useful")})
        )
    if not _consume(request, "page_feedback"):
        return _render(request, page, url, refusal=TOO_MANY, status=429)
    if request.POST.get(HONEYPOT_FIELD):
        return redirect(url + THANKS_QUERY)
    form = PageFeedbackForm(request.POST)
    if not form.is_valid():
        return _render(request, page, url, form)
    if not _consume(request, "page_feedback_page", str(page.pk)):
        return _render(request, page, url, refusal=ALREADY_SENT, status=429)
    form.save(page)
    return redirect(url + THANKS_QUERY)
