"""The private storage of company documents: never mapped to a public URL.

Files are read only through the download view, which checks who asks. In production the
same code works with an S3-compatible bucket (STORAGES["private"] set to django-storages'
S3 backend, see docs/operations.md).
"""

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Local private files; asking for a URL is a programming error, not a link."""

    def url(self, name):
        raise NotImplementedError("Private documents are served by the download view only.")


def private_storage():
    return storages["private"]
