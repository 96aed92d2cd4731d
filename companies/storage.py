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

    def _open(self, name, mode="rb"):
        # A disk that fails to read (I/O error, an unmounted volume, a file gone) is an outage
        # on our side, answered like an unreachable bucket: a 503, not a 500.
        try:
            return super()._open(name, mode)
        except OSError as error:
            raise StorageUnavailable(f"Private storage failed: {type(error).__name__}") from error


def private_storage():
    return storages["private"]
