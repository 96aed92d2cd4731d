"""The reminders' tests leave no active language behind.

A request through the test client activates its page's language for the rest of the thread
(LocaleMiddleware does not switch it back); tests that run later and read the active language
(e.g. a factory's default language) would then see this package's choice.
"""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _no_language_left_active():
    language = translation.get_language()
    yield
    translation.activate(language)
