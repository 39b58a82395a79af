"""Making one backup archive, and taking one back: what the ``backup`` and ``restore`` commands call."""

from __future__ import annotations

import io
import json
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timezone as dt_timezone
from pathlib import Path

from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from . import database, files, manifest
from .errors import BackupError


@dataclass
class Backup:
    path: Path
    archive_bytes: int
    database_bytes: int
    file_count: int
    file_bytes: int


@dataclass
class Unpacked:
    """An archive unpacked into a scratch folder whose every member matched its manifest checksum."""

    archive: Path
    folder: Path
    manifest: dict


@dataclass
class Restored:
    database: str
    files: files.FileChanges
    migrations_pending: bool


def make_backup(output: Path, storage=default_storage) -> Backup:
    created_at = timezone.now().astimezone(dt_timezone.utc)
    output.mkdir(parents=True, exist_ok=True)
    target = output / f"sayembara-backup-{created_at:%Y%m%dT%H%M%SZ}.tar.gz"
    if target.exists():
        raise BackupError(f"{target} already exists; wait a second and run the backup again.")
    # Written under another name and renamed when complete, so a half-written archive never looks like a backup.
    partial = target.with_name(f"{target.name}.partial")
    try:
        # Password hashes and personal data: readable by the operator's account only.
        partial.touch(mode=0o600)
        partial.chmod(0o600)
        with tarfile.open(partial, "w:gz") as tar:
            found = _fill(tar, output, created_at, storage)
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)
    return Backup(target, target.stat().st_size, found["database"]["size"], found["file_count"],
                  sum(entry["size"] for entry in found["files"]))


def _fill(tar: tarfile.TarFile, output: Path, created_at, storage) -> dict:
    # The database first, the files second: a file uploaded meanwhile is merely extra in the archive, whereas the
    # other order could leave a row naming a file the archive lacks. The dump is made next to the archive, where
    # the operator chose to have room.
    with tempfile.TemporaryDirectory(dir=output, prefix=".sayembara-backup-") as scratch:
        dumped = database.dump(Path(scratch))
        with dumped.open("rb") as stream:
            dumped_entry = {"file": dumped.name, **files.add_stream(tar, dumped.name, stream)}
    stored = files.add_stored_files(tar, storage)
    found = manifest.build(created_at, dumped_entry, stored)
    files.add_stream(tar, manifest.MANIFEST_NAME, io.BytesIO(json.dumps(found, indent=2).encode()))
    return found


@contextmanager
def unpacked(archive: Path) -> Iterator[Unpacked]:
    """The archive unpacked into a scratch folder (under TMPDIR) and checked, before anything is replaced."""
    with tempfile.TemporaryDirectory(prefix="sayembara-restore-") as scratch:
        folder = Path(scratch)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                # The "data" filter refuses members that would land outside the folder, links and devices.
                tar.extractall(folder, filter="data")
        except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
            raise BackupError(f"{archive} is not a readable backup archive: {error}") from error
        found = manifest.read(folder)
        manifest.check_restorable(folder, found)
        yield Unpacked(archive, folder, found)


def replaced_by(backup: Unpacked, storage=default_storage) -> str:
    """What restoring ``backup`` would replace, for the operator to confirm."""
    found = backup.manifest
    return (
        f"{backup.archive} was made at {found['created_at']} and holds a "
        f"{database.VENDOR_NAMES[found['database']['vendor']]} database and {found['file_count']} files; "
        "every checksum matches.\n"
        f"Restoring it replaces the whole {database.describe()} and every uploaded file in "
        f"{describe_storage(storage)} (files that are not in the backup are deleted)."
    )


def restore(backup: Unpacked, storage=default_storage) -> Restored:
    found = backup.manifest
    database.load(backup.folder / found["database"]["file"])
    changes = files.restore_files(storage, backup.folder, found["files"])
    return Restored(database.describe(), changes, _migrations_pending())


def describe_storage(storage) -> str:
    # default_storage is a lazy object; isinstance sees the storage behind it.
    if isinstance(storage, FileSystemStorage):
        return f"the folder {storage.location}"
    return f"the storage {storage.__class__.__name__}"


def _migrations_pending() -> bool:
    """Whether the restored database predates migrations of this code (then ``migrate`` must run)."""
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
