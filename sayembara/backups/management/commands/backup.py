from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sayembara.backups.archive import make_backup
from sayembara.backups.errors import BackupError


class Command(BaseCommand):
    help = (
        "Back up the database and every uploaded file into one .tar.gz archive named with the UTC time. "
        "Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, default=None,
            help="Folder to write the archive to (default: backups/ in SAYEMBARA_VAR_DIR). Copy it off the machine.",
        )

    def handle(self, *args, output=None, **options):
        try:
            backup = make_backup(output or settings.VAR_DIR / "backups")
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {backup.path}"))
        self.stdout.write(f"  database: {readable_size(backup.database_bytes)}")
        self.stdout.write(f"  files: {backup.file_count} ({readable_size(backup.file_bytes)})")
        self.stdout.write(f"  archive: {readable_size(backup.archive_bytes)}")


def readable_size(size: int) -> str:
    """1536 -> "1.5 KiB"; plain English, whatever the site's language."""
    if size < 1024:
        return f"{size} bytes"
    for unit in ("KiB", "MiB", "GiB"):
        size /= 1024
        if size < 1024:
            break
    return f"{size:.1f} {unit}"
