"""Asserting that a form came back with *the* error, not merely a 200 or the word "error"."""

import re

from django.forms import BaseForm
from django.utils import translation
from django.utils.html import escape


def assert_form_error(response, field, text=None):
    """The response re-shows a form whose ``field`` has an error, and the page says it.

    ``text``, when given, must be part of that error's message. Every Wagtail page contains
    "error" somewhere, and a 200 is also what a correct submission without a redirect gives.
    """
    assert response.status_code == 200, response
    forms = [
        value
        for context in response.context
        for value in context.flatten().values()
        if isinstance(value, BaseForm)
    ]
    # Messages are lazy: read them in the language the page was rendered in.
    page_language = re.search(r'<html[^>]*\blang="([^"]+)"', response.text)
    with translation.override(page_language[1] if page_language else translation.get_language()):
        messages = [str(m) for form in forms for m in form.errors.get(field, [])]
    assert messages, f"no error on {field!r}; form errors: {[f.errors for f in forms]}"
    for message in messages:
        assert escape(message) in response.text or message in response.text, message
    if text is not None:
        assert any(text in message for message in messages), (text, messages)
