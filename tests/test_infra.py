"""Settings and infrastructure: health check, languages, redirects, security headers."""

import os
import subprocess
import sys

import pytest

from tests.conftest import BASE_DIR

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DATABASE_URL": "postgres://approdo:secret@db.example:5432/approdo",
    "SECRET_KEY": "x" * 64 + "-production-like-secret-for-the-deploy-check",
    "ALLOWED_HOSTS": "approdo.example",
    "CSRF_TRUSTED_ORIGINS": "https://approdo.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_HOST": "smtp.example",
    "DEFAULT_FROM_EMAIL": "Approdo <noreply@approdo.example>",
    "WAGTAILADMIN_BASE_URL": "https://approdo.example",
    "ALLAUTH_TRUSTED_PROXY_COUNT": "1",
    "APPRODO_CLAMD_ADDRESS": "/var/run/clamav/clamd.ctl",
    "APPRODO_MONITORING_KEY": "production-like-monitoring-salt",
}


def run_manage(*args, env):
    # The test process sets DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; a deployer would not.
    ignored = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class TestLanguages:
    @pytest.mark.parametrize(("prefix", "direction"), [("it", "ltr"), ("en", "ltr"), ("ar", "rtl")])
    def test_home_renders_with_lang_and_dir(self, client, prefix, direction):
        response = client.get(f"/{prefix}/")
        assert response.status_code == 200
        assert f'<html lang="{prefix}" dir="{direction}">' in response.text
        # The switcher offers every language, marking the current one.
        for code in ("it", "en", "ar"):
            assert f'lang="{code}"' in response.text
        assert 'aria-current="true"' in response.text

    @pytest.mark.parametrize(
        ("accept", "target"),
        [("ar,en;q=0.5", "/ar/"), ("en-GB,en;q=0.9", "/en/"), ("it-IT", "/it/"), ("fr", "/it/")],
    )
    def test_root_redirects_by_accept_language(self, client, accept, target):
        response = client.get("/", headers={"accept-language": accept})
        assert response.status_code == 302
        assert response["Location"] == target

    def test_rtl_stylesheet_only_for_arabic(self, client):
        assert "bootstrap-italia.rtl.min.css" in client.get("/ar/").text
        assert "bootstrap-italia.rtl.min.css" not in client.get("/en/").text

    def test_unknown_page_is_a_translated_404(self, client):
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        assert "Page not found" in response.text
        response = client.get("/it/pagina-inesistente/")
        assert "Pagina non trovata" in response.text


class TestSecurityHeaders:
    def test_public_pages_get_a_strict_csp(self, client):
        response = client.get("/it/")
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Content-Type-Options"] == "nosniff"

    def test_admin_gets_the_looser_policy(self, client):
        response = client.get("/admin/")
        assert "'unsafe-inline'" in response["Content-Security-Policy"]


class TestProductionSettings:
    def test_check_deploy_reports_nothing(self):
        result = run_manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            "--settings=portal.settings.production",
            env=PRODUCTION_ENV,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no issues" in result.stdout

    def test_refuses_to_start_without_its_environment(self):
        env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
        result = run_manage("check", "--settings=portal.settings.production", env=env)
        assert result.returncode != 0
        assert "SECRET_KEY" in result.stderr

    @pytest.mark.parametrize("count", [None, "", "-1", "one"])
    def test_refuses_to_guess_the_number_of_proxies(self, count):
        env = {k: v for k, v in PRODUCTION_ENV.items() if k != "ALLAUTH_TRUSTED_PROXY_COUNT"}
        if count is not None:
            env["ALLAUTH_TRUSTED_PROXY_COUNT"] = count
        result = run_manage("check", "--settings=portal.settings.production", env=env)
        assert result.returncode != 0
        assert "ALLAUTH_TRUSTED_PROXY_COUNT" in result.stderr

    @pytest.mark.parametrize(
        ("extra", "expected"),
        [
            ({"ALLAUTH_TRUSTED_PROXY_COUNT": "0"}, "0 None"),
            ({"ALLAUTH_TRUSTED_PROXY_COUNT": "2"}, "2 None"),
            (
                {
                    "ALLAUTH_TRUSTED_PROXY_COUNT": "",
                    "ALLAUTH_TRUSTED_CLIENT_IP_HEADER": "X-Real-IP",
                },
                "0 X-Real-IP",
            ),
        ],
    )
    def test_takes_the_proxies_it_is_told(self, extra, expected):
        code = (
            "from django.conf import settings; "
            "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"
        )
        env = {**PRODUCTION_ENV, **extra}
        result = run_manage("shell", "-c", code, "--settings=portal.settings.production", env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().splitlines()[-1] == expected

    def test_leave_the_demo_out(self):
        code = "from django.conf import settings; print('demo' in settings.INSTALLED_APPS)"
        result = run_manage(
            "shell", "-c", code, "--settings=portal.settings.production", env=PRODUCTION_ENV
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().splitlines()[-1] == "False"
        result = run_manage(
            "seed_demo", "--settings=portal.settings.production", env=PRODUCTION_ENV
        )
        assert result.returncode != 0
        assert "Unknown command: 'seed_demo'" in result.stderr

    def test_refuses_to_turn_off_staff_two_factor(self):
        env = {**PRODUCTION_ENV, "APPRODO_STAFF_REQUIRE_MFA": "0"}
        result = run_manage("check", "--settings=portal.settings.production", env=env)
        assert result.returncode != 0
        assert "two-factor" in result.stderr


class TestStatic:
    def test_bootstrap_italia_comes_from_npm(self):
        from django.contrib.staticfiles import finders

        for path in (
            "bootstrap-italia/css/bootstrap-italia.min.css",
            "bootstrap-italia/css/bootstrap-italia.rtl.min.css",
            "bootstrap-italia/js/bootstrap-italia.bundle.min.js",
            "bootstrap-italia/svg/sprites.svg",
            "fonts/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2",
        ):
            assert finders.find(path), path
