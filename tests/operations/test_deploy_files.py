"""The shipped deployment files agree with the code they start."""

import ast
import re

from django.core.management import get_commands

from tests.conftest import BASE_DIR

DEPLOY = BASE_DIR / "deploy"


def required_environment():
    """REQUIRED_ENV of the production settings, read without importing them (they refuse to
    load without that very environment)."""
    tree = ast.parse((BASE_DIR / "portal" / "settings" / "production.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "REQUIRED_ENV":
            return ast.literal_eval(node.value)
    raise AssertionError("REQUIRED_ENV not found")


def example_environment():
    lines = (DEPLOY / "approdo.env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def test_the_example_environment_sets_everything_production_requires():
    assert set(required_environment()) <= set(example_environment())
    assert example_environment()["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"


def test_every_unit_starts_a_command_that_exists():
    commands = get_commands()
    units = sorted((DEPLOY / "systemd").glob("*.service"))
    assert [unit.name for unit in units] == [
        "approdo-jobs.service",
        "approdo-web@.service",
        "approdo-worker.service",
    ]
    for unit in units:
        text = unit.read_text()
        assert "EnvironmentFile=/etc/approdo/approdo.env" in text
        start = re.search(r"^ExecStart=(.+)$", text, re.MULTILINE).group(1)
        if "manage.py" in start:
            assert start.split("manage.py ")[1].split()[0] in commands, unit.name
        else:
            assert "gunicorn portal.wsgi --bind 127.0.0.1:%i" in start


def test_the_timer_starts_the_jobs_every_minute():
    timer = (DEPLOY / "systemd" / "approdo-jobs.timer").read_text()
    assert "OnCalendar=minutely" in timer


def test_the_nginx_site_names_every_value_make_stack_fills():
    from deploy.stack import Stack

    site = (DEPLOY / "nginx" / "approdo.conf").read_text()
    placeholders = set(re.findall(r"@@([A-Z_]+)@@", site))
    stack = Stack(BASE_DIR / "var" / "unused", database_url="", redis_url="")
    filled = re.findall(r"@@([A-Z_]+)@@", stack.nginx_site())
    assert placeholders == {"CACHE", "APP_A", "APP_B", "LISTEN", "STATIC", "MEDIA", "SCHEME"}
    assert filled == []
