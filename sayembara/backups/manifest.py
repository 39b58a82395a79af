"""manifest.json: what an archive holds, and the checks a restore makes before it touches anything."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from django.db import connection
from django.db.migrations.loader import MigrationLoader

from . import database
from .errors import BackupError
from .files import sha256_of, unpacked_path

FORMAT = 1
MANIFEST_NAME = "manifest.json"
REQUIRED = {"created_at", "database", "migrations", "file_count", "files"}
REQUIRED_DATABASE = {"vendor", "file", "size", "sha256"}
# How many bad members a refusal names before "and N more".
SHOWN_PROBLEMS = 5


def build(created_at: datetime, dumped: dict, stored: list[dict]) -> dict:
    return {
        "format": FORMAT,
        "created_at": created_at.isoformat(),
        "database": {"vendor": connection.vendor, **dumped},
        "migrations": applied_migrations(),
        "file_count": len(stored),
        "files": stored,
    }


def applied_migrations() -> dict[str, list[str]]:
    """The latest applied migrations of each app: usually one name, two or more while a merge is pending."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    applied = set(loader.applied_migrations)
    latest: dict[str, list[str]] = {}
    for app, name in sorted(applied):
        node = loader.graph.node_map.get((app, name))
        children = {child.key for child in node.children} if node else set()
        if not any(child[0] == app and child in applied for child in children):
            latest.setdefault(app, []).append(name)
    return latest


def read(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"The archive has no readable {MANIFEST_NAME}: {error}") from error
    if (not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not REQUIRED <= manifest.keys()
            or not isinstance(manifest["database"], dict) or not REQUIRED_DATABASE <= manifest["database"].keys()):
        raise BackupError(f"{MANIFEST_NAME} is not a Sayembara backup manifest of format {FORMAT}.")
    return manifest


def check_restorable(folder: Path, manifest: dict) -> None:
    """Refuse an archive this site cannot take back: another database vendor, newer code, or damaged files."""
    _check_vendor(manifest)
    _check_known_migrations(manifest)
    _check_checksums(folder, manifest)


def _check_vendor(manifest: dict) -> None:
    theirs, ours = manifest["database"]["vendor"], database.current_vendor()
    if theirs != ours:
        raise BackupError(
            f"This backup holds a {database.VENDOR_NAMES.get(theirs, theirs)} database but this site runs on "
            f"{database.VENDOR_NAMES[ours]}. Restore it on a site configured with the same kind of database "
            "(DATABASE_URL), then move the data with dumpdata/loaddata if needed."
        )
    if manifest["database"]["file"] != database.DUMP_NAMES[ours]:
        raise BackupError(f"The manifest names the database file {manifest['database']['file']!r}, "
                          f"not {database.DUMP_NAMES[ours]!r}.")


def _check_known_migrations(manifest: dict) -> None:
    # Migrations this code lacks mean the backup comes from a newer version: its tables would not match the code.
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{app}.{name}" for app, names in manifest["migrations"].items() for name in names
               if (app, name) not in known]
    if unknown:
        raise BackupError(
            "This backup was made by a newer version of Sayembara: this code does not know its migrations "
            f"{_listed(unknown)}. Install the version the backup was made with, then restore."
        )


def _check_checksums(folder: Path, manifest: dict) -> None:
    members = [(manifest["database"]["file"], folder / manifest["database"]["file"], manifest["database"]["sha256"])]
    members += [(entry["name"], unpacked_path(folder, entry["name"]), entry["sha256"]) for entry in manifest["files"]]
    if len(manifest["files"]) != manifest["file_count"]:
        raise BackupError(f"The manifest counts {manifest['file_count']} files but lists {len(manifest['files'])}.")
    problems = []
    for name, path, expected in members:
        if not path.is_file():
            problems.append(f"{name} (missing)")
            continue
        with path.open("rb") as member:
            if sha256_of(member) != expected:
                problems.append(f"{name} (checksum differs)")
    if problems:
        raise BackupError(f"The archive is damaged; nothing was changed. Bad members: {_listed(problems)}.")


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:SHOWN_PROBLEMS])
    return shown if len(items) <= SHOWN_PROBLEMS else f"{shown} and {len(items) - SHOWN_PROBLEMS} more"
