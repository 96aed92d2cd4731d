"""The apps depend on one another in one direction only.

Every module of every app is parsed (imports inside functions included) and each import of
another project app is checked against ALLOWED below. From the bottom up:

    mail ← users ← home ← news, projects, companies (+ lifecycle) ← participants

- mail: the outbox, the e-mail wording and their retention; imports no other app, since
  everything above sends e-mail through it.
- users: accounts; queues allauth's e-mails in mail. The apps holding data about a user
  register their part of the account download and deletion with users.contributions.
- home: the site shell the content apps build on (page base, blocks, settings, navigation);
  the content apps fill its listings through Wagtail hooks instead of home importing them.
- lifecycle: a small state-machine helper with no project imports.
- news, projects: content on top of home. companies also links positions to calls (news).
- participants: the person's path, on top of companies and projects.
- agreements: generated agreements and signature checks, on top of companies; registers the
  project's start conditions with companies' placement service.
- allowance: the participation allowance, computed from participants' attendance.
- reminders: reminders of steps nobody took and the moderators' weekly digest; reads
  companies, agreements, participants and allowance, and is read by nobody but portal.
- monitoring: the ESF+ monitoring records and the funder's indicator tables, on top of
  participants; participants' erasure and export reach it through a signal and a hook.
- results: targets against actuals (the coordinators' dashboard) and the public results
  page, counted from participants and allowance, masked with companies' small-cell rule.
- operations: the schedule, heartbeats and readiness probes; watches everything (it asks
  companies' scanner whether clamd answers), and only the URLconf imports it.
- demo: development only; may import anything, and nothing imports it.
- portal: the configuration and the root URLconf, wiring every app but demo in; no app
  imports it (settings are read through django.conf.settings).
"""

import ast
from pathlib import Path

from tests.conftest import BASE_DIR

MAIL = {"mail"}
USERS = MAIL | {"users"}
HOME = USERS | {"home"}
ALLOWED = {
    "lifecycle": set(),
    "mail": set(),
    "users": MAIL,
    "home": USERS,
    "news": HOME,
    "projects": HOME,
    "companies": HOME | {"news", "lifecycle"},
    "participants": HOME | {"news", "projects", "companies", "lifecycle"},
    "agreements": HOME | {"news", "projects", "companies", "lifecycle"},
    "allowance": HOME | {"news", "projects", "companies", "participants", "lifecycle"},
    "monitoring": HOME | {"news", "projects", "companies", "participants", "lifecycle"},
    "operations": HOME | {"news", "projects", "companies", "participants", "lifecycle"},
    "reminders": HOME
    | {"news", "projects", "companies", "participants", "lifecycle", "agreements", "allowance"},
    "results": HOME | {"news", "projects", "companies", "participants", "lifecycle", "allowance"},
    "portal": HOME
    | {
        "reminders",
        "news",
        "projects",
        "companies",
        "participants",
        "lifecycle",
        "operations",
        "agreements",
        "allowance",
        "monitoring",
        "results",
    },
    "demo": HOME
    | {
        "news",
        "projects",
        "companies",
        "participants",
        "lifecycle",
        "portal",
        "agreements",
        "allowance",
        "reminders",
        "monitoring",
        "results",
    },
}
APPS = set(ALLOWED)


NOT_APPS = {"tests", "bench", "deploy"}


def project_apps(root):
    """Top-level Python packages of the checkout: the apps, lifecycle and portal."""
    markers = [*Path(root).glob("*/__init__.py"), *Path(root).glob("*/apps.py")]
    return {path.parent.name for path in markers} - NOT_APPS


def imported_modules(tree):
    """(line, dotted name) of every absolute import, and of import_module("…") calls."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def violations(root, allowed):
    """Every import of one app by another that ``allowed`` does not permit."""
    found = []
    for app, permitted in allowed.items():
        for path in sorted((Path(root) / app).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, module in imported_modules(tree):
                target = module.split(".")[0]
                if target in allowed and target != app and target not in permitted:
                    found.append(f"{path.relative_to(root)}:{line} imports {module}")
    return found


def test_every_app_has_a_place_in_the_map():
    assert project_apps(BASE_DIR) == APPS


def test_the_map_has_no_cycle():
    def reaches(start, goal, seen=()):
        return any(
            step == goal or (step not in seen and reaches(step, goal, {*seen, step}))
            for step in ALLOWED[start]
        )

    assert [app for app in APPS if reaches(app, app)] == []


def test_nothing_imports_demo():
    assert all("demo" not in permitted for app, permitted in ALLOWED.items() if app != "demo")


def test_apps_import_only_downwards():
    assert violations(BASE_DIR, ALLOWED) == []


def test_a_backward_import_is_caught(tmp_path):
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "models.py").write_text(
        "def listing():\n    from news.models import NewsPage\n    return NewsPage\n"
    )
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "models.py").write_text("from home.models import listing\n")
    allowed = {"home": set(), "news": {"home"}}
    assert violations(tmp_path, allowed) == ["home/models.py:2 imports news.models"]
