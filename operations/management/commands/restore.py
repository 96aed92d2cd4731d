"""`manage.py restore DIR`: a backup folder back into the configured database and storages."""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import (
    BackupError,
    check_target_is_empty,
    documents_without_file,
    read_manifest,
    record_counts,
    restore_database,
    restore_files,
)


class Command(BaseCommand):
    help = (
        "Restore a folder written by `backup`: check every file against the manifest, load "
        "the database dump (pg_restore, one transaction) and write the files back. Refuses a "
        "database that already has companies, or a storage (folder or bucket) that already "
        "holds files, unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the backup folder (the one with manifest.json)")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that already holds companies and write into storages "
            "that already hold files",
        )

    def handle(self, *args, directory, force, **options):
        try:
            # The whole backup is checked first: a damaged one changes nothing.
            manifest = read_manifest(directory)
            if not force:
                check_target_is_empty()
            restore_database(directory)
            files = restore_files(directory, manifest)
            counts = record_counts()
            missing = documents_without_file()
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {counts['companies']} companies, {counts['documents']} documents, "
            f"{counts['participants']} people; {files.get('private', 0)} private files, "
            f"{files.get('default', 0)} media files."
        )
        if missing:
            raise CommandError(f"{missing} documents have no file in the private storage.")
