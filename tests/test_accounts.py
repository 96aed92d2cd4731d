"""Accounts: signup with e-mail verification, rate limits, no enumeration, staff two-factor."""

import os
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.factories.users import DEFAULT_PASSWORD, StaffUserFactory, UserFactory
from tests.totp import current_code, enrol_totp

pytestmark = pytest.mark.django_db

LOGIN_URL = "/it/accounts/login/"


def redis_cache_settings():
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "approdo-test",
        }
    }


def redis_available():
    try:
        import redis

        redis.Redis.from_url(redis_cache_settings()["default"]["LOCATION"]).ping()
        return True
    except Exception:
        return False


class TestSignup:
    def test_signup_verify_then_login(self, client, django_capture_on_commit_callbacks):
        # The e-mail is queued in the outbox and delivered once the request's work commits.
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/it/accounts/signup/",
                {
                    "email": "Nuova.Azienda@Example.org",
                    "password1": "una-Password-lunga-9",
                    "password2": "una-Password-lunga-9",
                },
            )
        assert response.status_code == 302
        assert response["Location"] == "/it/accounts/confirm-email/"
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["nuova.azienda@example.org"]
        link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)

        # Unverified: logging in sends the user back to verification, not into the site.
        client.logout()
        response = client.post(
            LOGIN_URL, {"login": "nuova.azienda@example.org", "password": "una-Password-lunga-9"}
        )
        assert response["Location"] == "/it/accounts/confirm-email/"

        path = re.sub(r"^https?://[^/]+", "", link)
        assert client.get(path).status_code == 200
        response = client.post(path)
        assert response.status_code == 302
        client.logout()
        response = client.post(
            LOGIN_URL, {"login": "nuova.azienda@example.org", "password": "una-Password-lunga-9"}
        )
        assert response.status_code == 302
        # A verified company user lands in company onboarding.
        assert response["Location"] == "/it/companies/"
        user = response.wsgi_request.user
        assert user.is_authenticated
        assert not user.is_staff
        assert user.preferred_language == "it"

    def test_signup_cannot_make_staff(self, client):
        client.post(
            "/en/accounts/signup/",
            {
                "email": "sneaky@example.org",
                "password1": "una-Password-lunga-9",
                "password2": "una-Password-lunga-9",
                "is_staff": "on",
                "is_superuser": "on",
            },
        )
        from users.models import User

        user = User.objects.get(email="sneaky@example.org")
        assert not user.is_staff
        assert not user.is_superuser

    def test_signup_errors_are_translated(self, client):
        response = client.post(
            "/it/accounts/signup/",
            {"email": "non-una-mail", "password1": "corta", "password2": "diversa"},
        )
        assert response.status_code == 200
        assert "Inserisci un indirizzo email valido" in response.text
        assert 'aria-invalid="true"' in response.text


class TestLoginRateLimit:
    LIMITED = "Too many failed login attempts"

    def _attempt(self, client, user, password="wrong-password"):
        return client.post("/en/accounts/login/", {"login": user.email, "password": password})

    def _assert_limited_after_five(self, client):
        user = UserFactory()
        for _ in range(5):
            response = self._attempt(client, user)
            assert response.status_code == 200
            assert (
                "The email address and/or password you specified are not correct" in response.text
            )
        response = self._attempt(client, user)
        assert self.LIMITED in response.text
        # Even the right password is refused while the limit holds.
        response = self._attempt(client, user, DEFAULT_PASSWORD)
        assert self.LIMITED in response.text
        assert not response.wsgi_request.user.is_authenticated
        # Another account is not affected by this one's counter.
        response = self._attempt(client, UserFactory(), DEFAULT_PASSWORD)
        assert response.status_code == 302

    def test_wrong_password_rate_limited_with_local_cache(self, client):
        self._assert_limited_after_five(client)

    def test_wrong_password_rate_limited_with_redis(self, client):
        if not redis_available():
            if os.environ.get("CI"):
                pytest.fail("Redis must be reachable in CI for the shared-cache rate-limit test")
            pytest.skip("Redis not reachable on 127.0.0.1:6379")
        with override_settings(CACHES=redis_cache_settings()):
            from django.core.cache import cache

            cache.clear()
            try:
                self._assert_limited_after_five(client)
            finally:
                cache.clear()


class TestPasswordReset:
    def test_same_answer_for_known_and_unknown_addresses(
        self, client, django_capture_on_commit_callbacks
    ):
        user = UserFactory()
        with django_capture_on_commit_callbacks(execute=True):
            known = client.post("/it/accounts/password/reset/", {"email": user.email})
            unknown = client.post("/it/accounts/password/reset/", {"email": "nobody@example.org"})
        assert known.status_code == unknown.status_code == 302
        assert known["Location"] == unknown["Location"]
        done = client.get(known["Location"])
        assert done.status_code == 200
        # The known address gets a reset link; the unknown one only a notice, no link.
        by_recipient = {m.to[0]: m.body for m in mail.outbox}
        assert "/accounts/password/reset/key/" in by_recipient[user.email]
        assert "/accounts/password/reset/key/" not in by_recipient.get("nobody@example.org", "")


class TestStaffTwoFactor:
    def test_admin_login_page_goes_through_allauth(self, client):
        response = client.get("/admin/login/?next=/admin/pages/")
        assert response.status_code == 302
        assert response["Location"].startswith("/it/accounts/login/?next=/admin/pages/")

    def test_anonymous_admin_goes_to_allauth_login(self, client):
        response = client.get("/admin/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    @override_settings(APPRODO_STAFF_REQUIRE_MFA=True)
    def test_staff_without_totp_is_sent_to_set_it_up(self, client):
        staff = StaffUserFactory()
        client.force_login(staff)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")

    @override_settings(APPRODO_STAFF_REQUIRE_MFA=True)
    def test_staff_with_totp_logs_in_with_a_code_and_opens_admin(self, client):
        staff = StaffUserFactory()
        secret = enrol_totp(staff)
        response = client.post(
            LOGIN_URL, {"login": staff.email, "password": DEFAULT_PASSWORD, "next": "/admin/"}
        )
        assert response.status_code == 302
        assert "/accounts/2fa/authenticate/" in response["Location"]
        assert client.get("/admin/").status_code == 302  # not logged in until the code
        response = client.post(response["Location"], {"code": current_code(secret)})
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200

    @override_settings(APPRODO_STAFF_REQUIRE_MFA=False)
    def test_dev_setting_relaxes_the_requirement(self, client):
        client.force_login(StaffUserFactory())
        assert client.get("/admin/").status_code == 200

    @override_settings(APPRODO_STAFF_REQUIRE_MFA=True)
    def test_company_users_are_not_asked_for_totp(self, client):
        client.force_login(UserFactory())
        response = client.get("/admin/")
        assert response.status_code == 302
        assert "mfa" not in response["Location"]
