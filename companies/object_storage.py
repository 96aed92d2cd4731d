"""Company documents in an S3-compatible bucket (production with APPRODO_S3_ENDPOINT_URL).

A module of its own so that deployments on local files never import boto3.
"""

from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from companies.storage import StorageUnavailable


def _as_os_error(method):
    """The callers' contract is OSError for "the storage could not do it" (a full disk and an
    unreachable bucket alike): services refuse an upload cleanly on that one exception."""

    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (BotoCoreError, ClientError) as error:
            raise StorageUnavailable(f"Object storage failed: {type(error).__name__}") from error

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


class PrivateS3Storage(S3Storage):
    """A private bucket: no public ACL, no URL (downloads go through the checked view), and
    storage failures raised as OSError like the file system's."""

    default_acl = None
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NotImplementedError("Private documents are served by the download view only.")

    _open = _as_os_error(S3Storage._open)
    _save = _as_os_error(S3Storage._save)
    delete = _as_os_error(S3Storage.delete)
    exists = _as_os_error(S3Storage.exists)
    size = _as_os_error(S3Storage.size)
