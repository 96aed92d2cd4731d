"""Demo data for the results: the demo project's targets, its people's gender answers where
none were recorded, and a results page under its project page in it/en/ar.

Called by demo/builder.py after the participants' and allowance demos; fills only what is
missing, so a second run changes nothing.
"""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.models import ProjectPage
from participants.demo import PROJECT_CODE
from participants.models import Participant
from projects.models import Project, TerritoryTarget
from results.models import ResultsPage

PAGE = {
    "slug": {"it": "risultati", "en": "results", "ar": "results"},
    "title": {
        "it": "I risultati del progetto",
        "en": "The project's results",
        "ar": "نتائج المشروع",
    },
    "intro": {
        "it": "I numeri aggiornati di chi il progetto ha accompagnato finora.",
        "en": "Up-to-date figures of the people the project has supported so far.",
        "ar": "أرقام محدثة عن الأشخاص الذين رافقهم المشروع حتى الآن.",
    },
}
# Three women in every five answers, one "prefers not to say" in ten.
GENDERS = ["female", "male", "female", "female", "male", "female", "male", "female", "male"]


def _targets(project):
    changed = []
    for field, value in [
        ("target_women_percent", 55),
        ("target_internships", 10),
        ("target_hires", 8),
    ]:
        if getattr(project, field) is None:
            setattr(project, field, value)
            changed.append(field)
    if changed:
        project.save(update_fields=changed)
    for territory in project.territories.all():
        TerritoryTarget.objects.get_or_create(
            project=project, territory=territory, defaults={"people": project.target_people or 40}
        )


def _genders(project):
    people = Participant.objects.filter(paths__project=project, gender="").order_by("pk")
    for index, person in enumerate(people):
        person.gender = "not_stated" if index % 10 == 9 else GENDERS[index % len(GENDERS)]
    Participant.objects.bulk_update(people, ["gender"])


def _translate(page, code):
    locale = Locale.objects.get(language_code=code)
    if page.has_translation(locale):
        return
    mapping = {PAGE[key]["it"]: PAGE[key][code] for key in PAGE}
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = mapping.get(entry.msgid, entry.msgid)
    translation.import_po(po, tool_name="seed_demo")
    translation.save_target(publish=True)


def _page(project):
    parent = project.page or ProjectPage.objects.filter(locale__language_code="it").first()
    if parent is None:
        return None
    page = ResultsPage.objects.child_of(parent).filter(project=project).first()
    if page is None:
        page = ResultsPage(
            title=PAGE["title"]["it"],
            slug=PAGE["slug"]["it"],
            intro=PAGE["intro"]["it"],
            project=project,
            show_in_menus=True,
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def build_demo(accounts):
    """The demo app's entry point (demo/builder.py calls every app's ``build_demo``)."""
    project = Project.objects.filter(code=PROJECT_CODE).first()
    if project is None:
        return None
    with transaction.atomic():
        _targets(project)
        _genders(project)
        page = _page(project)
    if page is None:
        return None
    # A transaction per translation: wagtail-localize publishes when it commits.
    for code in ("en", "ar"):
        with transaction.atomic():
            _translate(page, code)
    return page
