"""The uploaded-files half of a backup, read and written through Django's storage API only.

So the same code backs up a folder on disk (FileSystemStorage under MEDIA_ROOT) or an object store such as S3.
Names are the storage's own names ("evidence/2026/surat.pdf"), with "/" between folders.
"""

from __future__ import annotations

import hashlib
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from django.core.files import File

from .errors import BackupError

FILES_FOLDER = "files"
CHUNK_BYTES = 1024 * 1024
# A stored file is copied into memory below this size, into a temporary file above it.
SPOOL_BYTES = 8 * 1024 * 1024


@dataclass
class FileChanges:
    written: int = 0
    unchanged: int = 0
    deleted: int = 0


def stored_names(storage, folder: str = "") -> Iterator[str]:
    """Every file in ``storage`` under ``folder``, folder by folder in name order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a FileSystemStorage nobody has uploaded to has no MEDIA_ROOT yet
        return
    for name in sorted(files):
        yield _join(folder, name)
    for subfolder in sorted(folders):
        yield from stored_names(storage, _join(folder, subfolder))


def add_stream(tar: tarfile.TarFile, member: str, stream: BinaryIO) -> dict:
    """Add what ``stream`` holds to ``tar`` as ``member``; return its size and SHA-256."""
    # A tar header states the size before the content, and a storage's size may change under us: copy first.
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as copy:
        digest = hashlib.sha256()
        size = 0
        for chunk in iter(lambda: stream.read(CHUNK_BYTES), b""):
            digest.update(chunk)
            copy.write(chunk)
            size += len(chunk)
        copy.seek(0)
        info = tarfile.TarInfo(member)
        info.size, info.mode, info.mtime = size, 0o640, int(time.time())
        tar.addfile(info, copy)
    return {"size": size, "sha256": digest.hexdigest()}


def add_stored_files(tar: tarfile.TarFile, storage) -> list[dict]:
    """Add every stored file under ``files/``; return one manifest entry (name, size, sha256) per file."""
    entries = []
    for name in stored_names(storage):
        with storage.open(name, "rb") as stored:
            entries.append({"name": name, **add_stream(tar, f"{FILES_FOLDER}/{name}", stored)})
    return entries


def sha256_of(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(CHUNK_BYTES), b""):
        digest.update(chunk)
    return digest.hexdigest()


def unpacked_path(folder: Path, name: str) -> Path:
    """Where an unpacked archive holds the stored file ``name``; a name leaving the folder is refused."""
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or ".." in parts or "\\" in name:
        raise BackupError(f"The manifest names a file outside the storage: {name!r}.")
    return folder.joinpath(FILES_FOLDER, *parts)


def restore_files(storage, folder: Path, entries: list[dict]) -> FileChanges:
    """Make ``storage`` hold exactly the files of an unpacked archive: write what differs, delete the rest."""
    changes = FileChanges()
    wanted = {entry["name"]: entry for entry in entries}
    for name in list(stored_names(storage)):
        if name not in wanted:
            storage.delete(name)
            changes.deleted += 1
    for name, entry in wanted.items():
        if storage.exists(name):
            if _stored_sha256(storage, name) == entry["sha256"]:
                changes.unchanged += 1
                continue
            # Deleted first: saving over an existing name would make the storage pick another name.
            storage.delete(name)
        with unpacked_path(folder, name).open("rb") as unpacked:
            saved = storage.save(name, File(unpacked, name=name))
        if saved != name:
            raise BackupError(f"The storage saved {name} as {saved}; the restore stopped there.")
        changes.written += 1
    return changes


def _stored_sha256(storage, name: str) -> str:
    with storage.open(name, "rb") as stored:
        return sha256_of(stored)


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name
