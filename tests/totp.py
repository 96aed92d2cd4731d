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


def current_code(secret, period=30, min_remaining=5):
    """The code an authenticator app shows now.

    allauth accepts only the current 30-second window, so like a person who sees the code
    about to change, wait for the next one rather than type a code that expires in transit.
    """
    remaining = period - time.time() % period
    if remaining < min_remaining:
        time.sleep(remaining + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))
