from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sayembara.backups.archive import replaced_by, restore, unpacked
from sayembara.backups.errors import BackupError


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with those of a backup archive made by `manage.py backup`. "
        "Without --yes it only checks the archive and says what would be replaced. Stop the site and its workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .tar.gz archive to restore.")
        parser.add_argument("--yes", action="store_true", help="Really replace the database and the files.")

    def handle(self, *args, archive, yes=False, **options):
        try:
            with unpacked(archive) as backup:
                if not yes:
                    raise CommandError(f"{replaced_by(backup)}\nNothing was changed. Run again with --yes to restore.")
                restored = restore(backup)
        except BackupError as error:
            raise CommandError(str(error)) from error
        changes = restored.files
        self.stdout.write(self.style.SUCCESS(f"Restored {archive}"))
        self.stdout.write(f"  database: {restored.database} replaced")
        self.stdout.write(
            f"  files: {changes.written} written, {changes.unchanged} already identical, {changes.deleted} deleted"
        )
        if restored.migrations_pending:
            self.stdout.write(self.style.WARNING(
                "  The backup predates migrations of this code: run `manage.py migrate` before starting the site."
            ))
