"""What other apps keep about an account, registered by those apps.

The account download and the account deletion (users.services) cover data that lives in
other apps, which depend on users and not the other way round. Each such app registers
its part from its AppConfig.ready():

- ``register_export(key, section)``: ``section(user)`` returns that part of the download,
  JSON-serialisable, in a fixed number of queries; sections appear in registration order.
- ``register_deletion(check=…, erase=…)``: ``check(user)`` raises a
  ``users.services.DeletionRefused`` when the owner may not delete the account now, and is
  run without locks to explain a refusal early; ``erase(user, addresses)`` runs inside the
  deletion's transaction, with the user row locked, before the user row goes, and may
  refuse as well (everything is then rolled back). ``addresses`` is every e-mail address
  the person used.
"""

_exports = {}
_checks = []
_erasers = []


def register_export(key, section):
    """Adds ``section`` to the account download under ``key``."""
    if key in _exports and _exports[key] is not section:
        raise ValueError(f"Account export section {key!r} is registered twice.")
    _exports[key] = section


def register_deletion(check=None, erase=None):
    """Adds a refusal check and/or an erasure step to the account deletion."""
    if check is not None and check not in _checks:
        _checks.append(check)
    if erase is not None and erase not in _erasers:
        _erasers.append(erase)


def export_sections():
    return list(_exports.items())


def deletion_checks():
    return list(_checks)


def erasers():
    return list(_erasers)
