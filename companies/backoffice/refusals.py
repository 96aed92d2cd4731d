"""A plain 403 for staff without the permission, instead of Wagtail's redirect.

Wagtail answers a refused admin view with a redirect to the dashboard and a message; the
back office of host companies answers 403 (or 404 for objects outside the user's
territories), so that a refusal is unambiguous to people and to tests.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView


def forbidden():
    return HttpResponseForbidden(_("You do not have permission to open this page."))


class ForbiddenNotRedirect:
    """Mixin for admin class-based views."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden()


def refusing(view_class):
    """``view_class`` with refusals answered 403."""
    return type(f"Refusing{view_class.__name__}", (ForbiddenNotRedirect, view_class), {})


def scoped(view_class, scope):
    """``view_class`` answering 404 for any object outside ``scope(user)``, 403 otherwise.

    The generic history, usage and delete views look the object up among all rows and only
    then check permissions: a 403 for another territory's id and a 404 for a missing one
    would tell which ids exist. Looked up in the user's scope, both are a 404.
    """

    def get_object(self, queryset=None):
        pk = unquote(str(self.kwargs[getattr(self, "pk_url_kwarg", "pk")]))
        return get_object_or_404(scope(self.request.user), pk=pk)

    return type(
        f"Scoped{view_class.__name__}",
        (ForbiddenNotRedirect, view_class),
        {"get_object": get_object},
    )


def scoped_views(scope):
    """A viewset's delete, history and usage views, looked up in ``scope(user)``."""
    return scoped(generic.DeleteView, scope), scoped(HistoryView, scope), scoped(UsageView, scope)


GENERIC_VIEWS = {
    "add_view_class": refusing(generic.CreateView),
    "edit_view_class": refusing(generic.EditView),
    "delete_view_class": refusing(generic.DeleteView),
    "history_view_class": refusing(HistoryView),
    "usage_view_class": refusing(UsageView),
}


class BackOfficeRefusalMiddleware:
    """Signed-in users who are not staff never reach Wagtail's login page from /admin/.

    Wagtail would send them to the login page, which, seeing them signed in, sends them back
    to /admin/: a redirect loop the browser ends with "too many redirects". The host
    companies back office answers 403; any other admin address takes them to their company
    area with a message saying why.
    """

    ADMIN = "/admin/"
    PREFIX = "/admin/host-companies/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(self.ADMIN)
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            if request.path.startswith(self.PREFIX):
                return forbidden()
            messages.info(
                request,
                _(
                    "The administration area is for the project staff. Your company's "
                    "pages are here."
                ),
            )
            return redirect("companies:index")
        return self.get_response(request)
