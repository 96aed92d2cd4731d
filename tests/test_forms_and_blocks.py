"""Contact form (honeypot, rate limit, stored submissions), alt text rule, block previews."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.contrib.forms.models import FormSubmission
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from home.blocks import BodyBlock
from home.models import FormField, FormPage
from tests.factories.pages import NewsPageFactory, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page():
    page = FormPage(title="Contatti", slug="contatti", to_address="", from_address="")
    home_page().add_child(instance=page)
    locale = Locale.objects.get(language_code="it")
    for order, (label, kind) in enumerate([("Nome", "singleline"), ("Messaggio", "multiline")]):
        FormField.objects.create(
            page=page, sort_order=order, label=label, field_type=kind, required=True, locale=locale
        )
    page.save_revision().publish()
    return page


def test_submission_is_stored_for_staff(client, contact_page):
    response = client.post(
        contact_page.url, {"nome": "Giulia", "messaggio": "Vorrei informazioni."}
    )
    assert response.status_code == 200
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.form_data == {"nome": "Giulia", "messaggio": "Vorrei informazioni."}


def test_missing_fields_are_refused_and_nothing_is_stored(client, contact_page):
    response = client.post(contact_page.url, {"nome": "Giulia"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text
    assert not FormSubmission.objects.exists()


def test_honeypot_is_accepted_silently_and_dropped(client, contact_page):
    response = client.post(
        contact_page.url, {"nome": "Bot", "messaggio": "Spam", "website": "http://spam.example"}
    )
    assert response.status_code == 200
    assert not FormSubmission.objects.exists()


def test_rate_limited_after_five_messages(client, contact_page):
    data = {"nome": "Giulia", "messaggio": "Ciao"}
    assert [client.post(contact_page.url, data).status_code for _ in range(5)] == [200] * 5
    response = client.post(contact_page.url, data)
    assert response.status_code == 429
    assert FormSubmission.objects.count() == 5


def test_image_without_alt_text_is_refused():
    from wagtail.images.models import Image

    image = Image.objects.create(title="Foto", file=get_test_image_file(), description="")
    page = NewsPageFactory.build(image=image, title="Con immagine", slug="con-immagine")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "image" in error.value.message_dict
    image.description = "Tirocinanti al lavoro in una cantina"
    image.save()
    page.clean()  # no error once the image has alternative text


def test_every_block_has_a_preview_description():
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.description, name
