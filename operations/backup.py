"""Backup and restore of a whole deployment: the PostgreSQL database and every stored file.

A backup is one folder: `database.dump` (pg_dump's custom format), `files/<storage>/<name>` for
each object of the private storage (company documents) and of the media storage (page images
and documents), and `manifest.json` with each file's size and SHA-256. The storages are walked
with `listdir` and copied byte for byte through the storage API, so the same code reads local
directories and S3 buckets. The database is dumped before the files are copied: every row then
finds its file (stored names are never reused, and a file uploaded meanwhile is only extra).

Restore checks the whole folder against the manifest before it touches anything, refuses a
target that already holds companies or files (unless forced), loads the dump with pg_restore
in a single transaction, writes the files back and reads each one again to compare its
SHA-256. A storage that fails (a bucket missing or unreachable) stops either with its name.
Nothing here prints personal data: only counts, paths and stored names (random for company
documents).
"""

import contextlib
import datetime
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import storages
from django.db import connections

DUMP = "database.dump"
MANIFEST = "manifest.json"
FORMAT = 1
# The storages a backup covers: company documents and page media. Static files are rebuilt
# by collectstatic from the code.
STORAGES = ("private", "default")
# How the messages name them: a deployer knows buckets or folders, not Django's aliases.
LABELS = {"private": "private storage (company documents)", "default": "media storage"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, without personal data."""


def _postgresql(alias="default"):
    """The configured connection as pg_dump/pg_restore options and environment."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        raise BackupError(
            "Backup and restore need PostgreSQL (DATABASE_URL); the development SQLite "
            "database is one file: copy it while the server is stopped."
        )
    settings_dict = connection.settings_dict
    options = settings_dict.get("OPTIONS", {})
    args = []
    for flag, key in (("-U", "USER"), ("-h", "HOST"), ("-p", "PORT")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    for option, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
        ("passfile", "PGPASSFILE"),
        ("service", "PGSERVICE"),
    ):
        if options.get(option):
            env[variable] = str(options[option])
    return args, env, settings_dict["NAME"]


def _label(alias):
    return LABELS.get(alias, f"{alias} storage")


def _storage_failures():
    """What a storage raises when it cannot do something: OSError for local folders (and the
    private bucket, companies.object_storage), botocore's errors for a media bucket."""
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:
        return (OSError,)
    return (OSError, BotoCoreError, ClientError)


@contextlib.contextmanager
def _storage(alias):
    """The storage of `alias`; a bucket missing or unreachable, a folder unreadable, stops
    the backup or restore with the storage named instead of a traceback."""
    try:
        yield storages[alias]
    except _storage_failures() as error:
        raise BackupError(
            f"The {_label(alias)} failed: {type(error).__name__}: {str(error)[-500:]}"
        ) from error


def _run(command, env):
    """Runs pg_dump or pg_restore; their own message (names of tables, never rows) on failure."""
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).")
    result = subprocess.run(  # noqa: S603 (fixed programs, arguments from settings)
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def walk(storage, directory=""):
    """Every file name in a storage, found with listdir (local directories and buckets alike)."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from walk(storage, f"{directory}/{name}" if directory else name)


def _target(root, name):
    """The path of a stored name under `root`; a name climbing out of it is refused."""
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupError(f"Refusing a file name outside the backup: {name!r}")
    return root.joinpath(*relative.parts)


def copy_out(storage, name, path):
    """Copies one stored object to `path`; returns its size and SHA-256."""
    path.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with storage.open(name, "rb") as source, open(path, "wb") as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            target.write(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def record_counts():
    """What the backup holds, as numbers: companies, their documents, people."""
    from companies.models import Company, CompanyDocument
    from participants.models import Participant

    return {
        "companies": Company.objects.count(),
        "documents": CompanyDocument.objects.count(),
        "participants": Participant.objects.count(),
    }


def backup(directory, now=None):
    """Writes a timestamped backup folder under `directory`; returns its path and manifest."""
    now = now or datetime.datetime.now(datetime.UTC)
    args, env, name = _postgresql()
    counts = record_counts()
    folder = Path(directory) / f"approdo-{now:%Y%m%dT%H%M%SZ}"
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        raise BackupError(f"{folder} exists already; backups are never overwritten.") from None
    try:
        manifest = _write_backup(folder, args, env, name, now, counts)
    except BaseException:
        # A half-written folder must not pass for a backup.
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder, manifest


def _write_backup(folder, args, env, name, now, counts):
    _run(["pg_dump", "--format=custom", f"--file={folder / DUMP}", *args, name], env)
    manifest = {
        "format": FORMAT,
        "created": now.isoformat(),
        "records": counts,
        "database": {"file": DUMP, "sha256": _sha256_file(folder / DUMP)},
        "storages": {},
    }
    for alias in STORAGES:
        root = folder / "files" / alias
        root.mkdir(parents=True)
        with _storage(alias) as storage:
            files = {name: copy_out(storage, name, _target(root, name)) for name in walk(storage)}
        manifest["storages"][alias] = {"count": len(files), "files": files}
    # Written last: a folder with a manifest is a complete backup.
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def read_manifest(folder):
    """The manifest, after checking that every file of the backup matches its SHA-256."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{folder} has no {MANIFEST}: not a backup folder.") from None
    except ValueError:
        raise BackupError(f"{folder / MANIFEST} is not valid JSON.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    expected = [(folder / DUMP, manifest["database"]["sha256"], DUMP)]
    for alias, content in manifest["storages"].items():
        for name, facts in content["files"].items():
            path = _target(folder / "files" / alias, name)
            expected.append((path, facts["sha256"], f"files/{alias}/{name}"))
    for path, sha256, label in expected:
        if not path.is_file():
            raise BackupError(f"The backup is incomplete: {label} is missing.")
        if _sha256_file(path) != sha256:
            raise BackupError(
                f"SHA-256 mismatch for {label}: the backup was altered or damaged; "
                "nothing was restored."
            )
    return manifest


def _database_has_companies():
    """Whether the configured database already holds companies (a table missing: empty)."""
    from companies.models import Company

    connection = connections["default"]
    if Company._meta.db_table not in connection.introspection.table_names():
        return False
    return Company.objects.exists()


def check_target_is_empty():
    """Refuses a restore over data: a database with companies would be replaced, and files
    already in a storage (another deployment's, a test upload) would be mixed with the
    restored ones. Only reads: nothing is changed when it refuses."""
    if _database_has_companies():
        raise BackupError(
            "The database already holds companies; restoring would replace them. "
            "Restore into an empty database, or give --force."
        )
    for alias in STORAGES:
        with _storage(alias) as storage:
            holds_files = next(walk(storage), None) is not None
        if holds_files:
            raise BackupError(
                f"The {_label(alias)} already holds files; the restored ones would be mixed "
                "with them. Restore into an empty folder or bucket, or give --force."
            )


def restore_database(folder):
    """Loads the dump into the configured database, replacing what the dump holds."""
    args, env, name = _postgresql()
    # Django's own connection would otherwise stay open across the tables being replaced.
    connections.close_all()
    command = [
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={name}",
        *args,
        str(Path(folder) / DUMP),
    ]
    _run(command, env)


def restore_files(folder, manifest):
    """Writes every file back into its storage and checks it read back; returns counts."""
    restored = {}
    for alias, content in manifest["storages"].items():
        with _storage(alias) as storage:
            _write_files(Path(folder) / "files" / alias, alias, storage, content["files"])
        restored[alias] = len(content["files"])
    return restored


def _write_files(root, alias, storage, files):
    """Writes one storage's files back, each read again and compared with its SHA-256."""
    for name, facts in files.items():
        path = _target(root, name)
        if storage.exists(name):
            storage.delete(name)
        with open(path, "rb") as handle:
            saved = storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(f"The {_label(alias)} stored {name} as {saved}.")
        digest = hashlib.sha256()
        with storage.open(name, "rb") as stored:
            while chunk := stored.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != facts["sha256"]:
            raise BackupError(f"SHA-256 mismatch after writing {name} to the {_label(alias)}.")


def documents_without_file():
    """How many restored company documents have no file in the private storage."""
    from companies.models import CompanyDocument

    names = CompanyDocument.objects.values_list("file", flat=True)
    with _storage("private") as storage:
        return sum(1 for name in names.iterator() if not storage.exists(name))
