"""What ``restore`` checks before it replaces anything, and the files half of a backup through the storage API.

These run in the test process on archives built by hand; tests/backups/test_round_trip.py backs up and
restores real databases.
"""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from sayembara.backups import files
from sayembara.backups.database import DUMP_NAMES

OTHER_VENDOR = {"sqlite": "postgresql", "postgresql": "sqlite"}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    default_storage.save("evidence/surat.pdf", ContentFile(b"%PDF-1.4 on the site"))
    return settings.MEDIA_ROOT


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _latest_migrations():
    latest = {}
    for app, name in MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes():
        latest.setdefault(app, []).append(name)
    return latest


def _archive(path, stored=None, damaged=(), **overrides):
    """An archive as ``manage.py backup`` writes it, for this site's database vendor unless overridden."""
    stored = {"evidence/surat.pdf": b"%PDF-1.4 in the backup"} if stored is None else stored
    dumped = b"a database dump"
    found = {
        "format": 1,
        "created_at": "2026-01-02T03:04:05+00:00",
        "database": {"vendor": connection.vendor, "file": DUMP_NAMES[connection.vendor], "size": len(dumped),
                     "sha256": _sha256(dumped)},
        "migrations": _latest_migrations(),
        "file_count": len(stored),
        "files": [{"name": name, "size": len(content), "sha256": _sha256(content)} for name, content in stored.items()],
    }
    found.update(overrides)
    members = {found["database"]["file"]: dumped, **{f"files/{name}": content for name, content in stored.items()}}
    members["manifest.json"] = json.dumps(found).encode()
    with tarfile.open(path, "w:gz") as tar:
        for name, content in members.items():
            content = content + b"!" if name in damaged else content
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return path


def _refusal(archive, *options):
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), *options)
    return str(refused.value)


def test_without_yes_the_archive_is_checked_and_nothing_is_replaced(media, tmp_path):
    message = _refusal(_archive(tmp_path / "backup.tar.gz"))

    assert "holds a" in message and "1 files; every checksum matches" in message
    assert f"every uploaded file in the folder {media}" in message
    assert "Nothing was changed. Run again with --yes to restore." in message
    assert (media / "evidence" / "surat.pdf").read_bytes() == b"%PDF-1.4 on the site"


def test_a_damaged_member_is_named_and_nothing_is_replaced(media, tmp_path):
    archive = _archive(tmp_path / "backup.tar.gz", damaged={"files/evidence/surat.pdf"})

    message = _refusal(archive, "--yes")

    assert "The archive is damaged; nothing was changed. Bad members: evidence/surat.pdf (checksum differs)." in message
    assert (media / "evidence" / "surat.pdf").read_bytes() == b"%PDF-1.4 on the site"


def test_a_backup_of_another_database_vendor_is_refused(media, tmp_path):
    other = OTHER_VENDOR[connection.vendor]
    archive = _archive(tmp_path / "backup.tar.gz",
                       database={"vendor": other, "file": DUMP_NAMES[other], "size": 1, "sha256": "0"})

    message = _refusal(archive, "--yes")

    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    assert f"This backup holds a {names[other]} database but this site runs on {names[connection.vendor]}." in message


def test_a_backup_from_newer_code_is_refused(media, tmp_path):
    archive = _archive(tmp_path / "backup.tar.gz", migrations={"institutions": ["0999_from_the_future"]})

    message = _refusal(archive, "--yes")

    assert "made by a newer version of Sayembara" in message and "institutions.0999_from_the_future" in message


def test_a_file_name_outside_the_storage_is_refused(media, tmp_path):
    archive = _archive(tmp_path / "backup.tar.gz", stored={"evidence/surat.pdf": b"x"})
    with tarfile.open(archive) as tar:
        found = json.load(tar.extractfile("manifest.json"))
    found["files"][0]["name"] = "../../outside.pdf"
    archive = _archive(tmp_path / "evil.tar.gz", stored={"evidence/surat.pdf": b"x"}, files=found["files"])

    assert "The manifest names a file outside the storage: '../../outside.pdf'." in _refusal(archive, "--yes")


def test_something_else_than_an_archive_is_refused(tmp_path):
    archive = tmp_path / "notes.tar.gz"
    archive.write_bytes(b"not a backup")

    assert "is not a readable backup archive" in _refusal(archive)


def test_the_manifest_of_the_format_is_required(tmp_path):
    archive = tmp_path / "backup.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"{}"))

    assert "manifest.json is not a Sayembara backup manifest of format 1." in _refusal(archive)


@pytest.mark.parametrize("kind", ["folder", "memory"])
def test_files_come_back_exactly_through_the_storage_api(kind, media, tmp_path):
    storage = default_storage if kind == "folder" else InMemoryStorage()
    storage.save("evidence/2026/surat.pdf", ContentFile(b"letter"))
    storage.save("logo.png", ContentFile(b"logo"))
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        entries = files.add_stored_files(tar, storage)
    storage.delete("evidence/2026/surat.pdf")
    storage.delete("logo.png")
    storage.save("logo.png", ContentFile(b"another logo"))
    storage.save("evidence/extra.pdf", ContentFile(b"not in the backup"))
    buffer.seek(0)
    with tarfile.open(fileobj=buffer, mode="r:gz") as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")

    changes = files.restore_files(storage, tmp_path / "unpacked", entries)

    expected = {"evidence/2026/surat.pdf": b"letter", "logo.png": b"logo"}
    if kind == "folder":
        expected["evidence/surat.pdf"] = b"%PDF-1.4 on the site"
    assert {entry["name"]: entry["sha256"] for entry in entries} == {n: _sha256(c) for n, c in expected.items()}
    assert sorted(files.stored_names(storage)) == sorted(expected)
    for name, content in expected.items():
        with storage.open(name, "rb") as stored:
            assert stored.read() == content
    assert (changes.written, changes.unchanged, changes.deleted) == (2, len(expected) - 2, 1)
