"""Faults on the production shape (deploy/stack.py): Redis, PostgreSQL's connections and the
object store go away; the app keeps serving what it can, refuses clearly what it cannot, and
recovers without a restart. The outbox, worked by two workers, sends each e-mail once.

Redis is a private redis-server this module starts and kills (the machine's shared Redis is
never touched); PostgreSQL is not restarted (other databases live in its cluster): every
connection to the test database but the test's own is terminated, which is what a restart
does to the instances.
"""

import os
import re
import subprocess
import time

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from companies.models import CompanyDocument, CompanyStatus
from deploy.stack import PYTHON, Stack
from mail.outbox import OutgoingEmail
from tests import documents_corpus as corpus
from tests.factories.companies import MembershipFactory
from tests.factories.users import UserFactory
from tests.redis_server import redis_binary, running_redis
from tests.smtp_sink import SmtpSink

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]
SECURE = {"X-Forwarded-Proto": "https"}  # what nginx tells the instances
AGREEMENT = "8d3f5b2a-61c4-4e0f-9a57-3c1d2e4f5a01"
PASSWORD = "una-password-lunga-2026"
UNAVAILABLE = "Temporaneamente non disponibile"
STORAGE_FAILED = "Non è stato possibile salvare il file per un problema nostro"


@pytest.fixture(scope="module")
def redis():
    if redis_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs redis-server for the Redis fault tests")
        pytest.skip("redis-server is not installed")
    with running_redis() as server:
        yield server


@pytest.fixture(scope="module")
def sink():
    with SmtpSink() as sink:
        yield sink


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory, redis, sink):
    if connection.vendor != "postgresql":
        pytest.skip("the production shape runs on PostgreSQL")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    from django.conf import settings

    stack = Stack(
        tmp_path_factory.mktemp("stack"),
        database_url=url,
        redis_url=redis.url,
        secret_key=settings.SECRET_KEY,
        precompress=False,
        env={"EMAIL_PORT": str(sink.port), "EMAIL_USE_TLS": "0"},
    )
    with django_db_blocker.unblock(), stack:
        stack.start()
        yield stack


def drop_database_connections():
    """What a PostgreSQL restart does to the app: every other session ends at once."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


class Browser:
    """Keeps cookies by hand: the instances mark them Secure (TLS ends before nginx), which
    a cookie jar would not send back over the stack's plain HTTP."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, url, **kwargs):
        response = requests.request(
            method, url, cookies=self.cookies, timeout=60, allow_redirects=False, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def form(self, url):
        """GETs a form page; returns it and its CSRF token."""
        page = self.request("GET", url, headers=SECURE)
        assert page.status_code == 200, page.status_code
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return page, token

    def post(self, url, referer, **kwargs):
        headers = {**SECURE, "Referer": referer.replace("http:", "https:")}
        return self.request("POST", url, headers=headers, **kwargs)


def log_in(instance, user, browser=None):
    """POSTs the login form from a new (or the given) browser."""
    browser = browser or Browser()
    url = f"{instance}/it/accounts/login/"
    _, token = browser.form(url)
    return browser.post(
        url, url, data={"csrfmiddlewaretoken": token, "login": user.email, "password": PASSWORD}
    )


def test_with_redis_down_pages_are_served_and_logins_refused_until_it_is_back(stack, redis):
    user = UserFactory(password="")
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "faultsalt")  # the instances' hasher
    user.save(update_fields=["password"])
    a, b = stack.instance("a"), stack.instance("b")
    assert requests.get(f"{a}/it/", headers=SECURE, timeout=30).status_code == 200

    redis.stop()
    for instance in (a, b):
        for _ in range(4):  # both workers of each instance
            page = requests.get(f"{instance}/it/", headers=SECURE, timeout=30)
            assert page.status_code == 200, instance
            search = requests.get(f"{instance}/it/search/?q=approdo", headers=SECURE, timeout=30)
            assert search.status_code == 200, instance
    assert requests.get(f"{stack.front}/it/", timeout=30).status_code == 200
    assert requests.get(f"{a}/readyz", timeout=30).json()["cache"] == "unavailable"
    refused = log_in(a, user)
    assert refused.status_code == 503
    assert UNAVAILABLE in refused.text
    assert "sessionid" not in refused.cookies

    redis.start()
    time.sleep(2.5)  # each process leaves Redis alone for 2 s after an error
    answer = log_in(a, user)
    assert answer.status_code == 302, answer.status_code
    assert "sessionid" in answer.cookies


def test_the_instances_recover_when_the_database_drops_their_connections(stack):
    a, b = stack.instance("a"), stack.instance("b")
    for instance in (a, b):
        for _ in range(4):
            requests.get(f"{instance}/it/search/?q=approdo", headers=SECURE, timeout=30)

    assert drop_database_connections() > 0

    answers = [
        requests.get(f"{instance}/it/search/?q=impresa{n}", headers=SECURE, timeout=30).status_code
        for n in range(6)
        for instance in (a, b)
    ]
    assert answers == [200] * len(answers)
    assert requests.get(f"{a}/readyz", timeout=30).json()["database"] == "ok"


def test_two_workers_send_each_email_once_after_the_database_dropped_them(stack, sink):
    stack.spawn("worker_2", [PYTHON, "manage.py", "db_worker"])
    time.sleep(3)
    assert drop_database_connections() > 0
    sink.messages.clear()
    script = (
        "from django.db import transaction\n"
        "from mail.outbox import deliver_email, queue_email\n"
        "with transaction.atomic():\n"
        "    for n in range(20):\n"
        "        email = queue_email('test', f'persona{n}@example.org', 'it', 'Oggetto', '.')\n"
        # Each e-mail queued twice, as a retry and the safety net may: both workers race.
        "        transaction.on_commit(lambda pk=email.pk: deliver_email.enqueue(pk))\n"
    )
    subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script], env=stack.env(), check=True, timeout=120
    )

    expected = sorted(f"persona{n}@example.org" for n in range(20))
    deadline = time.monotonic() + 90
    while OutgoingEmail.objects.filter(sent_at__isnull=True).exists():
        assert time.monotonic() < deadline, "the workers did not send the outbox"
        time.sleep(0.5)
    time.sleep(3)  # a duplicate would arrive now
    assert sorted(sink.recipients()) == expected
    assert stack.processes["worker"].poll() is None
    assert stack.processes["worker_2"].poll() is None


def test_with_the_object_store_down_uploads_and_downloads_are_refused_clearly(stack):
    membership = MembershipFactory(company__status=CompanyStatus.APPROVED)
    company, user = membership.company, membership.user
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "faultsalt")
    user.save(update_fields=["password"])
    a = stack.instance("a")
    browser = Browser()
    assert log_in(a, user, browser).status_code == 302
    documents = f"{a}/it/companies/{company.pk}/documents/"
    page, token = browser.form(documents)
    upload_url = a + re.search(rf'action="([^"]*{AGREEMENT}[^"]*)"', page.text).group(1)

    def upload(name, content):
        return browser.post(
            upload_url,
            documents,
            data={"csrfmiddlewaretoken": token},
            files={"file": (name, content)},
        )

    assert upload("convenzione.pdf.p7m", corpus.cades()).status_code == 302
    kept = CompanyDocument.objects.get(company=company)

    stack.processes["weed"].terminate()
    stack.processes["weed"].wait(30)
    answer = upload("convenzione.pdf", corpus.pdf())

    assert answer.status_code == 302, answer.status_code  # back to the form, with the message
    back = browser.request("GET", a + answer.headers["Location"], headers=SECURE)
    assert STORAGE_FAILED in back.text
    assert list(CompanyDocument.objects.filter(company=company)) == [kept]
    download = browser.request("GET", f"{documents}{kept.pk}/download/", headers=SECURE)
    assert download.status_code == 503
    assert "Al momento i documenti non si possono aprire" in download.text
    assert requests.get(f"{a}/readyz", timeout=60).json()["storage"] == "unavailable"
    assert requests.get(f"{a}/it/", headers=SECURE, timeout=30).status_code == 200
