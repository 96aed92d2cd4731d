"""Every intern becomes a participant, and placements point at them.

An intern already linked to a participant (participants.Participant.intern) is that person;
any other gets a new participant with the intern's names, preferred name, contacts,
language, territory, creation and anonymisation dates and the intern's pseudonymous code,
so reports and exports keep the codes they had. (The participant has no staff notes: the
interns' notes are not carried over.) The audit entries about an intern become entries
about the participant, still in CompanyLogEntry, which lists a person's entries only to
staff who may see the person; the entries participants already had in Wagtail's shared
log (which lists them to anyone with a participants permission) move there too.
"""

from django.db import migrations

COPIED = [
    "given_name",
    "family_name",
    "preferred_name",
    "phone",
    "email",
    "preferred_language",
    "code",
    "territory_id",
    "created_at",
    "anonymised_at",
]


def participant_for(apps, intern):
    Participant = apps.get_model("participants", "Participant")
    linked = Participant.objects.filter(intern=intern).first()
    if linked is not None:
        return linked
    return Participant.objects.create(**{field: getattr(intern, field) for field in COPIED})


# As in 0021_move_log_entries.
FIELDS = [
    "content_type_id",
    "object_id",
    "action",
    "data",
    "timestamp",
    "uuid",
    "user_id",
    "revision_id",
    "content_changed",
    "deleted",
]


def move_log_entries(apps, people):
    ContentType = apps.get_model("contenttypes", "ContentType")
    CompanyLogEntry = apps.get_model("companies", "CompanyLogEntry")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    participant_type, _created = ContentType.objects.get_or_create(
        app_label="participants", model="participant"
    )
    shared = ModelLogEntry.objects.filter(content_type=participant_type).order_by("pk")
    CompanyLogEntry.objects.bulk_create(
        (
            CompanyLogEntry(label=entry.label, **{field: getattr(entry, field) for field in FIELDS})
            for entry in shared.iterator()
        ),
        batch_size=500,
    )
    shared.delete()
    intern_type = ContentType.objects.filter(app_label="companies", model="intern").first()
    if intern_type is None:
        return
    entries = CompanyLogEntry.objects.filter(content_type=intern_type)
    for entry in entries.iterator():
        person = people.get(entry.object_id)
        if person is None:
            # An intern deleted earlier: the entry stays as it was (superusers still read
            # it), rather than point at whoever has that id among the participants.
            continue
        entry.content_type = participant_type
        entry.object_id = str(person.pk)
        entry.label = person.code
        entry.save(update_fields=["content_type", "object_id", "label"])


def forwards(apps, schema_editor):
    Intern = apps.get_model("companies", "Intern")
    Placement = apps.get_model("companies", "Placement")
    people = {}
    for intern in Intern.objects.order_by("pk").iterator():
        person = participant_for(apps, intern)
        people[str(intern.pk)] = person
        Placement.objects.filter(intern=intern).update(participant=person)
    move_log_entries(apps, people)


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0023_placement_participant"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # One way: the interns are gone after 0025.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
