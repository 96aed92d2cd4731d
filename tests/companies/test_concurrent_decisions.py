"""Two staff deciding at once, on either database: one decision, the other told, no 500.

SQLite has no row locks; with immediate transactions (settings' SQLITE_OPTIONS) the second
writer waits for the first to commit and then sees its decision, as on PostgreSQL.
"""

import threading
import time

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from companies.models import (
    CompanyDocument,
    CompanyLogEntry,
    CompanyStatus,
    DocumentKind,
    DocumentStatus,
)
from companies.services import document_review, upload_document
from tests import documents_corpus as corpus
from tests.factories.companies import CompanyFactory, MembershipFactory, TerritoryFactory
from tests.factories.users import moderator_of

pytestmark = pytest.mark.django_db(transaction=True)

AGREEMENT = "8d3f5b2a-61c4-4e0f-9a57-3c1d2e4f5a01"


def test_sqlite_takes_the_write_lock_when_a_transaction_begins():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings")
    assert connection.transaction_mode == "IMMEDIATE"
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 20000


def test_two_staff_accepting_at_once_make_one_decision(
    transactional_db, no_staff_mfa, private_dir, monkeypatch
):
    territory = TerritoryFactory()
    company = CompanyFactory(territory=territory, status=CompanyStatus.APPROVED)
    owner = MembershipFactory(company=company).user
    kind = DocumentKind.objects.get(translation_key=AGREEMENT, locale=Locale.get_default())
    document = upload_document(
        owner, company, kind, SimpleUploadedFile("convenzione.pdf", corpus.pdf())
    )
    with translation.override("en"):
        decide = reverse("documents_admin:decide", args=[document.pk])

    # The first decision holds its transaction open a moment after writing, so the second
    # one certainly starts while the first is unfinished.
    holding = threading.Event()
    real_log = document_review.log

    def slow_log(*args, **kwargs):
        entry = real_log(*args, **kwargs)
        if not holding.is_set():
            holding.set()
            time.sleep(0.5)
        return entry

    monkeypatch.setattr(document_review, "log", slow_log)
    results = {}

    def post(name, client):
        try:
            response = client.post(decide, {"action": "accept"})
            messages = [str(m) for m in get_messages(response.wsgi_request)]
            results[name] = (response.status_code, messages)
        finally:
            connections.close_all()

    # Signed in beforehand: a session written inside the race would wait for the first
    # decision to finish and so hide the race.
    clients = [Client(raise_request_exception=False) for _ in range(2)]
    for client in clients:
        client.force_login(moderator_of(territory))
    first = threading.Thread(target=post, args=("first", clients[0]))
    second = threading.Thread(target=post, args=("second", clients[1]))
    first.start()
    assert holding.wait(10)
    second.start()
    first.join()
    second.join()

    assert results["first"] == (302, ["Document accepted."])
    assert results["second"] == (302, ["This document has already been reviewed."])
    document = CompanyDocument.objects.get(pk=document.pk)
    assert document.status == DocumentStatus.ACCEPTED
    assert CompanyLogEntry.objects.filter(action="approdo.company.document_accepted").count() == 1
