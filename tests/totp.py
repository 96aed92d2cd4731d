"""TOTP helpers: enrol a user and compute the current code, as an authenticator app would."""

import time

from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)


def enrol_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret, period=30):
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))
