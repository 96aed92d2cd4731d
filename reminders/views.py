"""The user's reminder preferences, and the digest's one-click unsubscribe."""

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from reminders import preferences
from reminders.sending import language_of
from users.http import private


@require_http_methods(["GET", "POST"])
@private
def reminder_preferences(request):
    """What the user receives; the weekly digest can be turned on or off here."""
    if request.method == "POST":
        on = request.POST.get("digests") == "on"
        preferences.set_digests(request.user, on)
        messages.success(
            request, _("The weekly digest is on.") if on else _("The weekly digest is off.")
        )
        return redirect("reminders:preferences")
    return TemplateResponse(
        request,
        "reminders/preferences.html",
        {"rows": preferences.received_by(request.user)},
    )


# Mail clients send the RFC 8058 one-click POST without a session or a CSRF token: the
# signed token in the address is what authorises it, and it can only turn a digest off.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: a page with one button; POST (that button or the mail client): digest off."""
    user = preferences.user_for_token(token)
    if user is None:
        # 400, not 404: the language middleware would turn a 404 into a redirect to the
        # site's catch-all page route.
        return HttpResponseBadRequest(
            render_to_string("reminders/unsubscribe_invalid.html", request=request)
        )
    done = request.method == "POST"
    if done:
        preferences.set_digests(user, False)
    # The address has no language prefix: the page speaks the language the digest was in.
    with translation.override(language_of(user, staff=True)):
        return TemplateResponse(request, "reminders/unsubscribe.html", {"done": done}).render()
