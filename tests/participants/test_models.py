"""The participant's record holds no special category, and its label is the code."""

import pytest
from django.apps import apps

from tests.companies.test_placements import FORBIDDEN

pytestmark = pytest.mark.django_db


def test_no_participants_or_projects_field_names_a_vulnerability():
    offending = []
    for model in apps.get_models():
        if not model.__module__.startswith(("participants.", "projects.")):
            continue
        for field in model._meta.get_fields():
            label = f"{field.name} {getattr(field, 'verbose_name', '')}"
            if FORBIDDEN.search(label):
                offending.append(f"{model._meta.label}.{field.name}")
    assert offending == []


def test_a_participant_is_labelled_by_code_only():
    from tests.factories.participants import ParticipantFactory

    person = ParticipantFactory(given_name="Amina", family_name="Diallo")
    assert str(person) == person.code
    assert person.code.startswith("PAR-")
