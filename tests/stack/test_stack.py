"""The production shape on loopback (deploy/stack.py): nginx with its front cache in front of
two app instances with production settings, sharing PostgreSQL (the test database), Redis
and an S3 object store (SeaweedFS), with a task worker and the scheduler; then faults on it.
Redis, PostgreSQL's connections and the object store go away; the app keeps serving what it
can, refuses clearly what it cannot, and recovers without a restart. The outbox, worked by two
workers, sends each e-mail once.

One stack for the whole module: starting it costs half a minute. The tests run in file order,
the destructive ones last. Redis is a private redis-server this module starts and kills (the
machine's shared Redis is never touched); PostgreSQL is not restarted (other databases live
in its cluster): every connection to the test database but the test's own is terminated,
which is what a restart does to the instances.
"""

import os
import re
import signal
import subprocess
import time

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.test import Client
from django_tasks_db.models import DBTaskResult

from companies.models import CompanyDocument, CompanyStatus
from deploy.stack import PYTHON, Stack
from mail.outbox import OutgoingEmail
from tests import documents_corpus as corpus
from tests.factories.companies import MembershipFactory
from tests.factories.pages import home_page
from tests.factories.users import UserFactory
from tests.redis_server import redis_binary, running_redis
from tests.smtp_sink import SmtpSink
from tests.stack.shared import (
    AGREEMENT,
    PASSWORD,
    SEARCH,
    SECURE,
    Browser,
    Load,
    drop_database_connections,
    gone,
    log_in,
    manage_on,
    process_tree,
    wait_until_serving,
)

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]
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
        # Precompressing every static file costs about 45 s here and is not under test.
        precompress=False,
        env={"EMAIL_PORT": str(sink.port), "EMAIL_USE_TLS": "0"},
    )
    with django_db_blocker.unblock(), stack:
        stack.start()
        yield stack


@pytest.fixture(autouse=True)
def tasks_settled(stack):
    """Waits for the workers to finish what a test queued (a publish queues front-cache purges):
    the flush after each test empties the task table, and a worker whose running task's row
    vanished under it stops."""
    yield
    tasks = DBTaskResult.objects
    deadline = time.monotonic() + 30
    while (tasks.ready() | tasks.running()).exists() and time.monotonic() < deadline:
        time.sleep(0.2)


def test_a_publish_refreshes_the_front_cache_and_every_instance(stack):
    home = home_page("it")
    first = requests.get(f"{stack.front}/it/", timeout=30)
    again = requests.get(f"{stack.front}/it/", timeout=30)
    assert first.status_code == again.status_code == 200
    assert again.headers["X-Front-Cache"] == "HIT"
    assert "X-Accel-Expires" not in again.headers

    manage_on(
        stack,
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(pk={home.pk}).specific\n"
        "page.title = 'Pubblicata adesso'\n"
        "page.save_revision().publish()\n",
    )

    # Without the purge nginx would keep the old page for APPRODO_FRONT_CACHE_SECONDS (60 s).
    # How soon the new page shows (the target is a second) is measured by `make bench`; on a
    # shared machine nginx may commit the refreshed copy a moment after answering the refresh.
    started = time.monotonic()
    while "Pubblicata adesso" not in requests.get(f"{stack.front}/it/", timeout=30).text:
        assert time.monotonic() - started < 15, "the front cache still serves the old page"
        time.sleep(0.05)
    cached = requests.get(f"{stack.front}/it/", timeout=30)
    assert cached.headers["X-Front-Cache"] == "HIT" and "Pubblicata adesso" in cached.text
    for name in ("a", "b"):
        direct = requests.get(f"{stack.instance(name)}/it/", headers=SECURE, timeout=30)
        assert "Pubblicata adesso" in direct.text, name


def test_an_upload_on_one_instance_is_downloaded_from_the_other_byte_for_byte(stack):
    membership = MembershipFactory(company__status=CompanyStatus.APPROVED)
    browser = Client()
    browser.force_login(membership.user)
    session = {"sessionid": browser.cookies["sessionid"].value}
    company = membership.company
    documents = f"/it/companies/{company.pk}/documents/"

    page = requests.get(
        stack.instance("a") + documents, headers=SECURE, cookies=session, timeout=30
    )
    assert page.status_code == 200, page.status_code
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    cookies = {**session, "csrftoken": page.cookies.get("csrftoken") or ""}
    content = corpus.cades()
    upload_url = re.search(rf'action="([^"]*{AGREEMENT}[^"]*)"', page.text).group(1)
    answer = requests.post(
        stack.instance("a") + upload_url,
        headers={**SECURE, "Referer": stack.instance("a").replace("http:", "https:") + documents},
        cookies=cookies,
        data={"csrfmiddlewaretoken": token},
        files={"file": ("convenzione.pdf.p7m", content, "application/pkcs7-mime")},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302, answer.text[-2000:]
    document = CompanyDocument.objects.get(company=company)

    download = f"/it/companies/{company.pk}/documents/{document.pk}/download/"
    from_b = requests.get(
        stack.instance("b") + download, headers=SECURE, cookies=session, timeout=30
    )
    through_nginx = requests.get(stack.front + download, cookies=session, timeout=30)
    assert from_b.status_code == through_nginx.status_code == 200
    assert from_b.content == through_nginx.content == content
    assert "no-store" in through_nginx.headers["Cache-Control"]
    assert through_nginx.headers.get("X-Front-Cache") in (None, "BYPASS", "MISS")


def test_killing_an_instance_under_load_loses_no_request_not_in_flight(stack):
    """Instance A dies at once (SIGKILL of its gunicorn master and every worker, what the OOM
    killer or a lost machine does) during steady GETs through nginx. A request can only be lost
    if A held it when it died: a failure must have started before the kill and ended after it,
    and there are no more of them than requests in flight. nginx tries a GET that fails with a
    connection error on the other instance (`proxy_next_upstream error timeout` in
    deploy/nginx/approdo.conf; never a POST that may have reached A), so in fact none is lost:
    B answers even those A held. After the kill every request is answered, by B."""
    master = stack.processes["app_a"]
    pids = process_tree(master.pid)
    assert len(pids) == 1 + stack.workers, pids
    try:
        with Load(stack.front + SEARCH) as load:
            wait_until_serving(pids)
            time.sleep(0.5)
            killing = time.monotonic()
            for pid in pids:
                os.kill(pid, signal.SIGKILL)
            killed = time.monotonic()
            master.wait(10)
            time.sleep(2)
        assert all(gone(pid) for pid in pids)
        records = sorted(load.records)
        failed = [record for record in records if record[2] is not None]
        for started, ended, failure in failed:
            assert started < killed and ended > killing, (failure, started, ended, killing)
        assert len(failed) <= load.concurrency
        after = [failure for started, _, failure in records if started > killed]
        assert len(after) > 10 and after == [None] * len(after)
        assert failed == []  # every GET A held was retried on B
    finally:
        if master.poll() is not None:
            stack.start_instance("a")
        # nginx would try A again after fail_timeout (10 s); a reload starts its workers with
        # no memory of A's failure, so the next test finds both instances in the upstream.
        os.kill(stack.processes["nginx"].pid, signal.SIGHUP)


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

    stack.processes["weed"].kill()  # gone at once, as a crashed or unreachable store
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


def test_stopping_an_instance_under_load_loses_no_request(stack):
    """What systemctl stop does (SIGTERM): A finishes what it holds and exits. Last in the
    module: A stays stopped."""
    pids = process_tree(stack.processes["app_a"].pid)
    with Load(stack.front + SEARCH) as load:
        wait_until_serving(pids)
        time.sleep(0.5)
        stack.processes["app_a"].terminate()
        stack.processes["app_a"].wait(30)
        time.sleep(2)
    assert [record for record in load.records if record[2] is not None] == []
    assert len(load.records) > 20
