"""Read-only Wagtail API v2 for partner portals: news, calls and projects (``/api/v2/``).

Only live public pages of the three exposed types are reachable, as an anonymous visitor
would see them; images and documents are limited to those such pages use. Requests carry
no credentials: authentication is off, so a logged-in editor's session cannot widen what
the API shows. Answers are JSON only. docs/api.md describes the endpoints.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from django.urls import path
from rest_framework.fields import Field
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from home.models import ProjectPage
from news.models import CallPage, NewsPage

EXPOSED_PAGE_TYPES = (NewsPage, CallPage, ProjectPage)


def exposed_pages(request):
    """Live public pages of the exposed types in the request's site, every language."""
    return get_public_pages_queryset(request).public().type(*EXPOSED_PAGE_TYPES)


class ReadOnlyAPIMixin:
    """Anonymous, GET/HEAD only, JSON only (no browsable API)."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    http_method_names = ["get", "head"]

    def dispatch(self, request, *args, **kwargs):
        # LocaleMiddleware answers a 404 outside the language prefixes with a redirect to
        # /it/<same path> when that resolves, and Wagtail's catch-all resolves anything:
        # a client asking for a missing object would land on an HTML page. It reads the
        # URLconf from request.urlconf, so hand it one without language prefixes.
        request.urlconf = __name__
        return super().dispatch(request, *args, **kwargs)


class TopicsField(Field):
    """A news page's topics as ``{"slug", "name"}``; the slug is the same in every language."""

    def to_representation(self, value):
        return [{"slug": topic.slug, "name": topic.name} for topic in value.all()]


class AttachmentsField(Field):
    """A call's attachments as ``{"title", "document", "url"}``, the URL absolute."""

    def to_representation(self, value):
        request = self.context["request"]
        return [
            {
                "title": attachment.label,
                "document": attachment.document_id,
                "url": get_full_url(request, attachment.document.url),
            }
            for attachment in value.all()
        ]


class PublicPagesAPIViewSet(ReadOnlyAPIMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint narrowed to news, calls and projects.

    The narrowing is on the base queryset, so the ``type``, ``locale``, ``child_of``,
    ``descendant_of`` and ``translation_of`` filters and the detail and ``find`` views all
    stay within the exposed pages.
    """

    def get_base_queryset(self):
        return exposed_pages(self.request)

    def get_queryset(self):
        # Every listed page shows its locale; listings of one type may ask for the fields
        # below: fetch them in bulk, not once per page.
        queryset = super().get_queryset().select_related("locale")
        if issubclass(queryset.model, NewsPage):
            queryset = queryset.select_related("project").prefetch_related("topics")
        elif issubclass(queryset.model, CallPage):
            queryset = queryset.select_related("project").prefetch_related("attachments__document")
        return queryset

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        # Without these, topics would be bare ids and attachments bare row ids.
        if issubclass(model, NewsPage):
            overrides.setdefault("topics", TopicsField(read_only=True))
        if issubclass(model, CallPage):
            overrides.setdefault("attachments", AttachmentsField(read_only=True))
        return overrides


def referenced_by_exposed_pages(request, model):
    """Ids of ``model`` objects that exposed pages use (fields, StreamField, attachments).

    Wagtail's reference index records every image and document a page points to, so
    nothing uploaded but unpublished (a photo awaiting consent, an internal file) leaks.
    """
    page_ids = exposed_pages(request).annotate(ref_id=Cast("pk", CharField())).values("ref_id")
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=page_ids,
            to_content_type=ContentType.objects.get_for_model(model),
        )
        .annotate(target=Cast("to_object_id", IntegerField()))
        .values("target")
    )


class PublicImagesAPIViewSet(ReadOnlyAPIMixin, ImagesAPIViewSet):
    """Images shown on exposed pages."""

    def get_queryset(self):
        used = referenced_by_exposed_pages(self.request, self.model)
        return super().get_queryset().filter(pk__in=used)


class PublicDocumentsAPIViewSet(ReadOnlyAPIMixin, DocumentsAPIViewSet):
    """Documents attached to or linked from exposed pages."""

    def get_queryset(self):
        used = referenced_by_exposed_pages(self.request, self.model)
        return super().get_queryset().filter(pk__in=used)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)

# The API's URLs alone; used only as request.urlconf by ReadOnlyAPIMixin.dispatch().
urlpatterns = [path("api/v2/", api_router.urls)]
