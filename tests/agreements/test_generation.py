"""Generated agreements and training projects: real, tagged text in it/en/ar, stable bytes."""

import hashlib
import io

import pytest
import time_machine
from pypdf import PdfReader

from agreements import render, services
from agreements.models import DocumentTemplate, DocumentType, GeneratedDocument


def _text(generated):
    with generated.file.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "Convenzione di tirocinio"),
        ("en", "internship agreement"),
        ("ar", "اتفاقية تدريب"),
    ],
)
def test_agreement_in_each_language_is_tagged_text(world, language, expected):
    generated = services.generate(world.company, DocumentType.AGREEMENT, language)
    reader, text = _text(generated)
    assert expected in text
    assert "Trattoria Sole s.r.l" in text
    assert "PAT 12345678" in text
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root  # tagged
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == language
    assert hashlib.sha256(generated.file.open("rb").read()).hexdigest() == generated.sha256


def test_training_project_prints_code_and_preferred_name_only(world):
    generated = services.generate(
        world.company, DocumentType.TRAINING_PROJECT, "it", world.placement
    )
    _reader, text = _text(generated)
    intern = world.placement.participant
    assert intern.code in text
    assert "Gio" in text
    assert "Giovanna" not in text
    assert "Esposito" not in text
    for fact in ["Preparare le verdure.", "20 ore", "Paolo Verdi", "PAT 12345678"]:
        assert fact in text


def test_arabic_training_project_reads_right_to_left(world):
    generated = services.generate(
        world.company, DocumentType.TRAINING_PROJECT, "ar", world.placement
    )
    _reader, text = _text(generated)
    assert "المشروع التدريبي الفردي" in text
    assert world.placement.participant.code in text


def test_same_data_same_bytes_one_version(world):
    with time_machine.travel("2027-01-10 09:00Z"):
        first = services.generate(world.company, DocumentType.AGREEMENT, "it")
    with time_machine.travel("2027-03-22 17:30Z"):
        again = services.generate(world.company, DocumentType.AGREEMENT, "it")
        html = render.render_html(world.company, DocumentType.AGREEMENT, "it")
        assert hashlib.sha256(render.render_pdf(html)).hexdigest() == first.sha256
    assert again.pk == first.pk
    assert GeneratedDocument.objects.count() == 1


def test_changed_data_makes_a_new_version(world):
    first = services.generate(world.company, DocumentType.AGREEMENT, "it")
    world.company.legal_representative = "Luca Bruni"
    world.company.save()
    second = services.generate(world.company, DocumentType.AGREEMENT, "it")
    assert second.version == first.version + 1
    assert second.sha256 != first.sha256


def test_staff_template_for_the_project_replaces_the_default(world):
    DocumentTemplate.objects.create(
        project=world.project,
        document_type=DocumentType.AGREEMENT,
        language="en",
        body="<h1>Custom agreement</h1><p>{{ company.legal_name }}</p>",
    )
    generated = services.generate(world.company, DocumentType.AGREEMENT, "en")
    _reader, text = _text(generated)
    assert "Custom agreement" in text
    assert "Trattoria Sole s.r.l" in text


def test_templates_cannot_fetch_files_of_the_server(world, tmp_path):
    from PIL import Image

    picture = tmp_path / "secret.png"
    Image.new("RGB", (4, 4), "red").save(picture)
    DocumentTemplate.objects.create(
        project=None,
        document_type=DocumentType.AGREEMENT,
        language="en",
        body=f'<img src="file://{picture}" alt="x"><link rel="stylesheet" href="file:///etc/passwd">'
        "<p>Text</p>",
    )
    generated = services.generate(world.company, DocumentType.AGREEMENT, "en")
    reader, text = _text(generated)
    assert "Text" in text
    images = [
        xobject
        for page in reader.pages
        for xobject in (page["/Resources"].get("/XObject") or {}).values()
        if xobject.get_object().get("/Subtype") == "/Image"
    ]
    assert images == []


def test_template_with_syntax_error_is_refused(world):
    from django.core.exceptions import ValidationError

    template = DocumentTemplate(
        document_type=DocumentType.AGREEMENT, language="it", body="{% if %}"
    )
    with pytest.raises(ValidationError):
        template.full_clean()


@pytest.mark.parametrize(
    "body",
    [
        '{% include "base.html" %}',
        '{% extends "base.html" %}',
        "{% load wagtailcore_tags %}",
    ],
)
def test_templates_cannot_reach_the_sites_templates_or_tag_libraries(world, body):
    from django.core.exceptions import ValidationError

    template = DocumentTemplate(document_type=DocumentType.AGREEMENT, language="it", body=body)
    with pytest.raises(ValidationError):
        template.full_clean()
