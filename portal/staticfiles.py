"""Static-file storages whose hashed URLs are looked up once per process.

Django's manifest storage answers every ``{% static %}`` with a fresh lookup (manifest, URL
quoting and joining): about 16 µs each, and a public page has ten of them, a twentieth of its
render. The manifest is read once, when the storage is created, so a name's URL cannot
change while the process lives; these storages keep the answers. In DEBUG (unhashed URLs) and
for ``force`` they ask Django every time.
"""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage

# Names come from templates, a few dozen in all; the bound only guards against a caller that
# passes visitors' input.
MAX_REMEMBERED = 1000


class RememberedUrlsMixin:
    """Keeps each name's URL after the first lookup (the manifest is fixed for the process)."""

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        urls = self.__dict__.setdefault("_remembered_urls", {})
        url = urls.get(name)
        if url is None:
            url = super().url(name)
            if len(urls) < MAX_REMEMBERED:
                urls[name] = url
        return url


class StaticStorage(RememberedUrlsMixin, CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed manifest storage (production), with remembered URLs."""


class PlainManifestStaticStorage(RememberedUrlsMixin, ManifestStaticFilesStorage):
    """Django's manifest storage, for APPRODO_STATIC_PRECOMPRESS=0, with remembered URLs."""
