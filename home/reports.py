"""Translation coverage report: per locale, the content whose translation is missing or stale.

Sources are the live pages of the default locale (root excluded, aliases excluded) and every
instance of each translatable snippet model in the default locale. Each source yields one row
per other locale whose translation is:

- Missing: no object with the same ``translation_key`` in that locale. An alias page counts as
  missing: it shows the source-language content.
- Not published: the translation exists but is not live (pages and draft-state snippets).
- Outdated, for pages and draft-state snippets: the translation's ``last_published_at`` is older
  than the source's. Publish dates are compared, not wagtail-localize's
  ``TranslationSource.last_updated_at``, because every page has them however it was translated
  (wagtail-localize, a manual copy), while the source is only re-extracted when someone syncs.
- Outdated, for snippets without publish dates: the source was sent to wagtail-localize again
  (``TranslationSource.last_updated_at``) after the translation last caught up. wagtail-localize
  1.14.5 declares ``Translation.destination_last_updated_at`` but never writes it, so "caught
  up" is the latest of that field, the newest translated string of the object in the locale
  (``StringTranslation.updated_at``) and the start of the translation (``Translation.created_at``).
  Snippets translated outside wagtail-localize can only be reported as missing.

The rows are computed with a fixed number of queries: a handful for pages and locales, and
three per translatable snippet model, whatever the number of objects.
"""

import datetime
from dataclasses import dataclass

import django_filters
from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Max
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringTranslation, Translation

# wagtail-localize creates this permission (migration 0006) and already requires it to submit
# and sync translations, which is what the report leads to.
REPORT_PERMISSION = "wagtail_localize.submit_translation"


class State(models.TextChoices):
    MISSING = "missing", _("Missing")
    OUTDATED = "outdated", _("Outdated")
    NOT_PUBLISHED = "not_published", _("Not published")


@dataclass
class CoverageRow:
    """One source object that needs work in one target locale."""

    title: str
    edit_url: str
    type_key: str
    type_name: str
    locale: Locale
    state: str
    source_published_at: datetime.datetime | None
    translation_published_at: datetime.datetime | None
    action_label: str
    action_url: str

    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def locale_name(self):
        return self.locale.get_display_name()

    @property
    def state_label(self):
        return State(self.state).label


def translatable_snippet_models():
    """Snippet models whose instances are translated per locale."""
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _type_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _is_older(translation_at, source_at):
    return source_at is not None and (translation_at is None or translation_at < source_at)


def coverage_rows():
    """Every (source object, target locale) pair that is missing, unpublished or outdated."""
    locales = list(Locale.objects.all())
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    default = next(locale for locale in locales if locale.language_code == default_code)
    targets = [locale for locale in locales if locale.pk != default.pk]
    localize = {
        (record["key"], record["target_locale_id"]): record
        for record in Translation.objects.filter(enabled=True, source__locale=default).values(
            "target_locale_id",
            "created_at",
            "destination_last_updated_at",
            key=F("source__object_id"),
            source_pk=F("source_id"),
            sent_at=F("source__last_updated_at"),
        )
    }
    rows = _page_rows(default, targets, localize)
    for model in translatable_snippet_models():
        rows.extend(_snippet_rows(model, default, targets, localize))
    return rows


def _translations(queryset, default, sources, fields):
    """Translations of ``sources`` keyed by (translation_key, locale id), in one query."""
    found = (
        queryset.filter(translation_key__in=sources.values("translation_key"))
        .exclude(locale=default)
        .values("pk", "translation_key", "locale_id", *fields)
    )
    return {(item["translation_key"], item["locale_id"]): item for item in found}


def _page_rows(default, targets, localize):
    sources = Page.objects.filter(
        locale=default, live=True, depth__gt=1, alias_of__isnull=True
    ).order_by("path")
    found = _translations(
        Page.objects, default, sources, ["live", "last_published_at", "alias_of_id"]
    )
    rows = []
    for source in sources.values(
        "pk", "title", "translation_key", "content_type_id", "last_published_at"
    ):
        model = ContentType.objects.get_for_id(source["content_type_id"]).model_class() or Page
        source.update(
            model=model,
            edit_url_name="wagtailadmin_pages:edit",
            submit_url=reverse("wagtail_localize:submit_page_translation", args=[source["pk"]]),
        )
        rows.extend(_source_rows(source, targets, found, localize, has_publish_dates=True))
    return rows


def _snippet_rows(model, default, targets, localize):
    has_publish_dates = issubclass(model, DraftStateMixin)
    sources = model._default_manager.filter(locale=default).order_by("pk")
    fields, strings = [], {}
    if has_publish_dates:
        sources, fields = sources.filter(live=True), ["live", "last_published_at"]
    found = _translations(model._default_manager, default, sources, fields)
    if not has_publish_dates:
        latest = (
            StringTranslation.objects.filter(
                context__object_id__in=sources.values("translation_key")
            )
            .values("context__object_id", "locale_id")
            .annotate(latest=Max("updated_at"))
            .order_by()
        )
        strings = {
            (item["context__object_id"], item["locale_id"]): item["latest"] for item in latest
        }
    rows = []
    for instance in sources:
        source = {
            "pk": instance.pk,
            "title": str(instance),
            "translation_key": instance.translation_key,
            "last_published_at": getattr(instance, "last_published_at", None),
            "model": model,
            "edit_url_name": model.snippet_viewset.get_url_name("edit"),
            "submit_url": reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[model._meta.app_label, model._meta.model_name, quote(instance.pk)],
            ),
        }
        rows.extend(_source_rows(source, targets, found, localize, has_publish_dates, strings))
    return rows


def _assess(translation, source, record, latest_string_at, has_publish_dates):
    """(state or None when current, source timestamp, translation timestamp) for one locale."""
    source_at = source["last_published_at"] if has_publish_dates else record and record["sent_at"]
    if translation is None or translation.get("alias_of_id"):
        return State.MISSING, source_at, None
    if has_publish_dates:
        translation_at = translation["last_published_at"]
        if not translation["live"]:
            return State.NOT_PUBLISHED, source_at, translation_at
    elif record is None:
        return None, None, None
    else:
        moments = (record["destination_last_updated_at"], latest_string_at, record["created_at"])
        translation_at = max(moment for moment in moments if moment is not None)
    state = State.OUTDATED if _is_older(translation_at, source_at) else None
    return state, source_at, translation_at


def _source_rows(source, targets, found, localize, has_publish_dates, strings=None):
    model = source["model"]
    for locale in targets:
        key = (source["translation_key"], locale.pk)
        translation, record = found.get(key), localize.get(key)
        latest_string_at = (strings or {}).get(key)
        state, source_at, translation_at = _assess(
            translation, source, record, latest_string_at, has_publish_dates
        )
        if state is None:
            continue
        if state == State.MISSING:
            action = (_("Translate"), source["submit_url"])
        elif state == State.OUTDATED and record:
            # The translation editor shows the strings as last sent, so sync first.
            url = reverse("wagtail_localize:update_translations", args=[record["source_pk"]])
            action = (_("Sync translation"), url)
        else:
            url = reverse(source["edit_url_name"], args=[quote(translation["pk"])])
            action = (_("Edit translation"), url)
        yield CoverageRow(
            title=source["title"],
            edit_url=reverse(source["edit_url_name"], args=[quote(source["pk"])]),
            type_key=_type_key(model),
            type_name=capfirst(model._meta.verbose_name),
            locale=locale,
            state=state,
            source_published_at=source_at,
            translation_published_at=translation_at,
            action_label=action[0],
            action_url=action[1],
        )


def _locale_choices():
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return [(code, name) for code, name in get_content_languages().items() if code != default_code]


def _type_choices():
    models_ = [*get_page_models(), *translatable_snippet_models()]
    choices = {_type_key(model): capfirst(model._meta.verbose_name) for model in models_}
    return sorted(choices.items(), key=lambda choice: str(choice[1]))


class CoverageFilterSet(WagtailFilterSet):
    """Locale, state and type filters applied to the report's in-memory rows."""

    locale = django_filters.ChoiceFilter(
        field_name="language_code",
        label=_("Locale"),
        choices=_locale_choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=State.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    type = django_filters.ChoiceFilter(
        field_name="type_key", label=_("Type"), choices=_type_choices
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        # django-filter binds its filters to a queryset's model; the rows are plain objects.
        super().__init__(data, Page.objects.none() if queryset is None else queryset, **kwargs)

    def filter_queryset(self, queryset):
        wanted = {
            self.filters[name].field_name: value
            for name, value in self.form.cleaned_data.items()
            if value
        }
        return [row for row in queryset if all(getattr(row, f) == v for f, v in wanted.items())]


class LinkColumn(Column):
    """A cell holding one link, labelled by the column's value, to the row's ``url_accessor``."""

    cell_template_name = "home/reports/link_cell.html"

    def __init__(self, name, url_accessor, **kwargs):
        super().__init__(name, **kwargs)
        self.url_accessor = url_accessor

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = getattr(instance, self.url_accessor)
        return context


class TranslationCoverageReportView(ReportView):
    """Admin report listing, per locale, the pages and snippets whose translation needs work."""

    page_title = _("Translation coverage")
    header_icon = "site"
    index_url_name = "translation_coverage_report"
    index_results_url_name = "translation_coverage_report_results"
    verbose_name_plural = _("missing or outdated translations")
    filterset_class = CoverageFilterSet
    permission_required = REPORT_PERMISSION
    columns = [
        TitleColumn("title", label=_("Object"), get_url=lambda row: row.edit_url),
        Column("type_name", label=_("Type")),
        Column("locale_name", label=_("Locale")),
        StatusTagColumn(
            "state_label", label=_("State"), primary=lambda row: row.state == State.MISSING
        ),
        DateColumn("source_published_at", label=_("Source last published")),
        DateColumn("translation_published_at", label=_("Translation last published")),
        LinkColumn("action_label", url_accessor="action_url", label=_("Action")),
    ]
    # The table's columns but the action, with the locale as its code.
    list_export = [
        "title",
        "type_name",
        "language_code",
        "state_label",
        "source_published_at",
        "translation_published_at",
    ]
    export_headings = dict(zip(list_export, [column.label for column in columns], strict=False))

    def user_has_permission(self, permission):
        return self.request.user.has_perm(permission)

    def get_filename(self):
        return f"translation-coverage-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return coverage_rows()

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        # Wagtail applies the user's admin language only while the view runs; build the
        # CSV now so its headings and states are not streamed in the site's language.
        response.streaming_content = list(response.streaming_content)
        return response


class TranslationCoverageMenuItem(MenuItem):
    """Reports menu entry, shown only to users the report lets in."""

    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)
