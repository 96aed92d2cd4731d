"""The private storage of company documents: never mapped to a public URL.

Files are read only through the download view, which checks who asks. In production the
same code works with an S3-compatible bucket (STORAGES["private"] set to django-storages'
S3 backend, see docs/operations.md).
"""

from django.core.files.storage import FileSystemStorage, storages


class StorageUnavailable(OSError):
    """The object store did not answer or refused (companies.object_storage): an OSError, as
    callers expect, that operations.middleware turns into a clear 503 when nobody caught it."""


class PrivateFileSystemStorage(FileSystemStorage):
    """Local private files; asking for a URL is a programming error, not a link."""

    def url(self, name):
        raise NotImplementedError("Private documents are served by the download view only.")


def private_storage():
    return storages["private"]
