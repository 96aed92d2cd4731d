"""`manage.py backup DIR`: the database and every stored file in one timestamped folder."""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write a backup folder under DIR: database.dump (pg_dump), a copy of every object of "
        "the private and media storages, and manifest.json (sizes and SHA-256)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="where the timestamped backup folder is created")

    def handle(self, *args, directory, **options):
        try:
            folder, manifest = backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        records = manifest["records"]
        files = {alias: content["count"] for alias, content in manifest["storages"].items()}
        self.stdout.write(
            f"Backup written to {folder}: {records['companies']} companies, "
            f"{records['documents']} documents, {records['participants']} people; "
            f"{files['private']} private files, {files['default']} media files."
        )
