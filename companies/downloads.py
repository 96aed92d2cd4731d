"""Answers a private-document download, for the company views and the staff views alike.

Development and tests stream the file from Django. In production, with
APPRODO_PRIVATE_ACCEL_PREFIX set (e.g. "/protected-documents/"), Django only checks and logs
and hands the bytes to nginx with X-Accel-Redirect to an `internal` location, so a worker
is not tied up by a slow download; docs/operations.md has the nginx block.
"""

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.encoding import iri_to_uri
from django.utils.http import content_disposition_header

from users.http import DOWNLOAD_HEADERS


def private_file_response(document):
    prefix = getattr(settings, "APPRODO_PRIVATE_ACCEL_PREFIX", "")
    if prefix:
        response = HttpResponse(content_type=document.content_type)
        response["X-Accel-Redirect"] = iri_to_uri(prefix.rstrip("/") + "/" + document.file.name)
        response["Content-Disposition"] = content_disposition_header(True, document.original_name)
    else:
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )
    for header, value in DOWNLOAD_HEADERS.items():
        response[header] = value
    return response
