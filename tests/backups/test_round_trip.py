"""Back up, wipe, restore, same data: ``manage.py backup`` and ``restore`` run as an operator runs them.

The commands run in subprocesses against a throwaway site (its own database and MEDIA_ROOT), since the test
database is in memory on SQLite and inside a rolled-back transaction on PostgreSQL. The PostgreSQL case runs
when the suite runs on PostgreSQL (DATABASE_URL): it creates and drops a scratch database there.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[2]

SEED = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from sayembara.institutions.models import Institution, InstitutionType
kind = InstitutionType.objects.create(code="uji-cadangan", name="Unit uji cadangan")
Institution.objects.create(type=kind, name="Dinas Kependudukan", short_name="Dukcapil")
Institution.objects.create(type=kind, name="Dinas Kesehatan", short_name="Dinkes")
default_storage.save("evidence/2026/surat.pdf", ContentFile(b"%PDF-1.4 surat keputusan"))
default_storage.save("logo.png", ContentFile(b"\\x89PNG logo"))
"""

WIPE = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from sayembara.institutions.models import Institution, InstitutionType
Institution.objects.filter(short_name="Dinkes").delete()
Institution.objects.filter(short_name="Dukcapil").update(name="Renamed after the backup")
Institution.objects.create(type=InstitutionType.objects.get(code="uji-cadangan"), name="Added after the backup")
default_storage.delete("evidence/2026/surat.pdf")
default_storage.delete("logo.png")
default_storage.save("logo.png", ContentFile(b"another logo"))
default_storage.save("evidence/later.pdf", ContentFile(b"%PDF-1.4 uploaded after the backup"))
"""


class Site:
    """A throwaway install: one database, one MEDIA_ROOT, and manage.py run against them."""

    def __init__(self, database_url: str, folder: Path):
        self.media = folder / "media"
        self.environment = {
            **{key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "FILE_STORAGE_BACKEND"}},
            "DJANGO_SETTINGS_MODULE": "sayembara.settings",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(self.media),
            "SAYEMBARA_VAR_DIR": str(folder / "var"),
        }

    def manage(self, *arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=self.environment,
                              capture_output=True, text=True, timeout=600)

    def run(self, *arguments: str) -> str:
        finished = self.manage(*arguments)
        assert finished.returncode == 0, finished.stderr
        return finished.stdout

    def data(self) -> list:
        """Every row of every table, in primary-key order."""
        return json.loads(self.run("dumpdata", "--indent", "0"))

    def files(self) -> dict[str, str]:
        return {path.relative_to(self.media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted(self.media.rglob("*")) if path.is_file()}


def _back_up_wipe_and_restore(site: Site, tmp_path: Path, while_running=nullcontext) -> Path:
    site.run("migrate", "--no-input", "-v0")
    site.run("shell", "-c", SEED)
    with while_running() as running:
        data, stored = site.data(), site.files()
        if running:
            running.before_backup()
        printed = site.run("backup", "--output", str(tmp_path / "backups"))
    archive = Path(printed.splitlines()[0].removeprefix("Backup written to "))
    assert archive.parent == tmp_path / "backups" and archive.name.startswith("sayembara-backup-")
    assert "  files: 2 (" in printed

    site.run("shell", "-c", WIPE)
    wiped = site.data(), site.files()
    assert wiped != (data, stored)

    refused = site.manage("restore", str(archive))
    assert refused.returncode == 1 and "Run again with --yes to restore." in refused.stderr
    assert (site.data(), site.files()) == wiped

    printed = site.run("restore", str(archive), "--yes")
    assert "files: 2 written, 0 already identical, 1 deleted" in printed
    assert site.data() == data
    assert site.files() == stored
    return archive


def _manifest(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


def _check_manifest(archive: Path, vendor: str):
    found = _manifest(archive)
    assert found["database"]["vendor"] == vendor
    assert found["file_count"] == 2
    assert {entry["name"]: entry["sha256"] for entry in found["files"]} == {
        "evidence/2026/surat.pdf": hashlib.sha256(b"%PDF-1.4 surat keputusan").hexdigest(),
        "logo.png": hashlib.sha256(b"\x89PNG logo").hexdigest(),
    }
    leaves = [name for app, name in MigrationLoader(None).graph.leaf_nodes() if app == "institutions"]
    assert found["migrations"]["institutions"] == leaves


def test_sqlite_back_up_wipe_restore_same_data(tmp_path):
    database = tmp_path / "site" / "db.sqlite3"
    site = Site(f"sqlite:///{database}", tmp_path / "site")

    class WriterStillConnected:
        """A committed write still in the WAL file, its connection open: the backup must hold it."""

        def __enter__(self):
            self.writer = sqlite3.connect(database)
            self.writer.execute("PRAGMA journal_mode=WAL")
            with self.writer:
                self.writer.execute("INSERT INTO auth_group (name) VALUES ('Committed, not yet checkpointed')")
            return self

        def before_backup(self):
            assert Path(f"{database}-wal").stat().st_size > 0

        def __exit__(self, *exc):
            self.writer.close()
            return False

    archive = _back_up_wipe_and_restore(site, tmp_path, WriterStillConnected)

    _check_manifest(archive, "sqlite")
    groups = [row["fields"]["name"] for row in site.data() if row["model"] == "auth.group"]
    assert "Committed, not yet checkpointed" in groups


def _postgres_url() -> str | None:
    """The suite's own PostgreSQL server, when the suite runs on PostgreSQL (`make test` runs that pass after the
    SQLite one: PostgreSQL backups are tried once, there)."""
    url = os.environ.get("DATABASE_URL", "")
    return url if urlsplit(url).scheme in {"postgres", "postgresql", "pgsql"} else None


@pytest.fixture
def scratch_postgres():
    """The URL of a fresh PostgreSQL database, dropped afterwards."""
    url = _postgres_url()
    if url is None:
        pytest.skip("The suite runs on SQLite: PostgreSQL backups are tried in its PostgreSQL run.")
    missing = [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]
    if missing:
        # CI runs on PostgreSQL with its client tools: there a missing pg_dump is a failure, not a skip.
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"{' and '.join(missing)} not found on PATH (apt-get install postgresql-client).")
    import psycopg

    name = f"sayembara_backup_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_postgres_back_up_wipe_restore_same_data(scratch_postgres, tmp_path):
    site = Site(scratch_postgres, tmp_path / "site")

    archive = _back_up_wipe_and_restore(site, tmp_path)

    _check_manifest(archive, "postgresql")


def test_a_postgres_backup_is_refused_by_a_sqlite_site(scratch_postgres, tmp_path):
    postgres_site = Site(scratch_postgres, tmp_path / "postgres")
    archive = Path(postgres_site.run("backup", "--output", str(tmp_path)).splitlines()[0].split(" to ", 1)[1])
    sqlite_site = Site(f"sqlite:///{tmp_path / 'sqlite' / 'db.sqlite3'}", tmp_path / "sqlite")

    refused = sqlite_site.manage("restore", str(archive), "--yes")

    assert refused.returncode == 1
    assert "This backup holds a PostgreSQL database but this site runs on SQLite." in refused.stderr
