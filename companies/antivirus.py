"""Virus scanning of uploads with ClamAV's clamd, through the clamav-client library.

Scanning is on when APPRODO_CLAMD_ADDRESS is set (a Unix socket path or host:port); without
it uploads are kept unscanned, which staff and (in development) companies are told. A file
is streamed to clamd (INSTREAM) before it is kept; an infected file is refused, and a
scanner that does not answer refuses the upload too ("try again later") rather than keep a
file nobody scanned.
"""

import logging

from clamav_client.clamd import ClamdError, ClamdNetworkSocket, ClamdUnixSocket
from django.conf import settings

logger = logging.getLogger("approdo.security")


class ScannerUnavailable(Exception):
    """clamd is configured but did not give an answer."""


class Infected(Exception):
    """clamd found something; ``signature`` names it."""

    def __init__(self, signature):
        self.signature = signature
        super().__init__(signature)


# The one way to run without a scanner where production settings ask for an address: said
# out loud in the environment, and shown to staff on the admin home page.
DISABLED = "none"


def enabled():
    return settings.APPRODO_CLAMD_ADDRESS.strip().lower() not in ("", DISABLED)


def _client():
    address = settings.APPRODO_CLAMD_ADDRESS
    timeout = settings.APPRODO_CLAMD_TIMEOUT
    if address.startswith("/"):
        return ClamdUnixSocket(path=address, timeout=timeout)
    host, _, port = address.rpartition(":")
    return ClamdNetworkSocket(host=host, port=int(port), timeout=timeout)


def scan(uploaded):
    """Streams the file to clamd; returns when clean, raises Infected or ScannerUnavailable."""
    if not enabled():
        return
    uploaded.seek(0)
    try:
        report = _client().instream(uploaded)
    except (ClamdError, OSError) as error:
        logger.error("Virus scanner unavailable: %s", error)
        raise ScannerUnavailable(str(error)) from error
    finally:
        uploaded.seek(0)
    state, details = report.get("stream", (None, None))
    if state == "FOUND":
        logger.warning("Infected upload refused: %s", details)
        raise Infected(details)
    if state != "OK":
        logger.error("Virus scanner error: %s %s", state, details)
        raise ScannerUnavailable(f"{state} {details}")


def ping():
    """True when clamd answers PONG (for the readiness probe); raises when unreachable."""
    return _client().ping() == "PONG"
