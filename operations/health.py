"""Readiness checks: each answers True (ready), False (broken) or None (not used here).

Each check catches everything and logs it: a readiness probe that raises would be a 500,
which a load balancer reads the same as "not ready" but an operator reads as a bug.
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.utils import timezone

from operations.models import Heartbeat

logger = logging.getLogger("approdo.health")


def database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Readiness: database unreachable")
        return False


def cache_answers():
    try:
        key = f"readyz:{uuid.uuid4().hex}"
        cache.set(key, "1", 10)
        ok = cache.get(key) == "1"
        cache.delete(key)
        return ok
    except Exception:
        logger.exception("Readiness: cache unreachable")
        return False


def storage():
    """The private documents' storage takes, returns and deletes a small file."""
    try:
        store = storages["private"]
        name = store.save(f"readyz/{uuid.uuid4().hex}.txt", ContentFile(b"ready"))
        try:
            with store.open(name, "rb") as handle:
                return handle.read() == b"ready"
        finally:
            store.delete(name)
    except Exception:
        logger.exception("Readiness: private storage unusable")
        return False


def antivirus():
    from companies import antivirus as clamd

    if not clamd.enabled():
        return None
    try:
        return bool(clamd.ping())
    except Exception:
        logger.exception("Readiness: clamd unreachable")
        return False


def heartbeat(role):
    """The role was seen within APPRODO_HEARTBEAT_MAX_AGE seconds (None: not required here)."""
    if not settings.APPRODO_READY_NEEDS_BACKGROUND:
        return None
    try:
        seen = Heartbeat.objects.filter(role=role).values_list("seen_at", flat=True).first()
    except Exception:
        logger.exception("Readiness: heartbeat unreadable")
        return False
    limit = datetime.timedelta(seconds=settings.APPRODO_HEARTBEAT_MAX_AGE)
    return seen is not None and timezone.now() - seen <= limit


CHECKS = {
    "database": database,
    "cache": cache_answers,
    "storage": storage,
    "antivirus": antivirus,
    "scheduler": lambda: heartbeat(Heartbeat.SCHEDULER),
    "worker": lambda: heartbeat(Heartbeat.WORKER),
}


def readiness():
    """``{check: True/False/None}`` for every check, the database first."""
    return {name: check() for name, check in CHECKS.items()}
