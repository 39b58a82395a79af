"""The database half of a backup: SQLite through its online backup API, PostgreSQL through pg_dump and pg_restore.

Both make a consistent copy while the site keeps running: SQLite's backup API copies one snapshot (committed
transactions still in the WAL file included) and pg_dump reads inside one transaction.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection
from django.db.backends.postgresql.client import DatabaseClient as PostgresClient

from .errors import BackupError

DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# How long SQLite waits for a write of the running site to finish before giving up.
SQLITE_BUSY_SECONDS = 60


def current_vendor() -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support SQLite and PostgreSQL; this site runs on {connection.vendor}.")
    return connection.vendor


def describe() -> str:
    """The database a restore would replace, in words."""
    vendor = current_vendor()
    if vendor == "sqlite":
        # Described even in memory (the test database): only backing up or loading needs a file.
        return "SQLite database in memory" if connection.is_in_memory_db() else f"SQLite database {_sqlite_path()}"
    settings_dict = connection.settings_dict
    return f"PostgreSQL database {settings_dict['NAME']} on {settings_dict['HOST'] or 'the local socket'}"


def dump(folder: Path) -> Path:
    """Write a consistent copy of the default database into ``folder``; return the file written."""
    target = folder / DUMP_NAMES[current_vendor()]
    if connection.vendor == "sqlite":
        _sqlite_copy(_sqlite_path(), target)
    else:
        _run_pg_tool("pg_dump", ["--format=custom", f"--file={target}", *_pg_database()])
    return target


def load(dumped: Path) -> None:
    """Replace the default database's content with a file written by :func:`dump`."""
    # Django's own connection must not hold the database (or an old snapshot of it) across the swap.
    connection.close()
    if current_vendor() == "sqlite":
        _sqlite_copy(dumped, _sqlite_path())
    else:
        # One transaction: a restore that fails half-way leaves the database as it was.
        options = ["--clean", "--if-exists", "--no-owner", "--single-transaction"]
        _run_pg_tool("pg_restore", [*options, *_pg_database(flag="--dbname="), str(dumped)])


def _sqlite_path() -> Path:
    if connection.is_in_memory_db():
        raise BackupError("The database is in memory: there is no file to back up or restore.")
    return Path(connection.settings_dict["NAME"])


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy one database into another, page by page under SQLite's locks, so neither needs to be idle."""
    if not source.exists():
        raise BackupError(f"There is no SQLite database at {source}.")
    reader = sqlite3.connect(source, timeout=SQLITE_BUSY_SECONDS)
    try:
        writer = sqlite3.connect(target, timeout=SQLITE_BUSY_SECONDS)
        try:
            reader.backup(writer)
        except sqlite3.Error as error:
            raise BackupError(f"SQLite could not copy {source} to {target}: {error}") from error
        finally:
            writer.close()
    finally:
        reader.close()


def _pg_database(flag: str = "") -> list[str]:
    """Host, port and user options, then the database name (as ``flag``+name when the tool wants an option)."""
    settings_dict = connection.settings_dict
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments.append(f"{option}={settings_dict[key]}")
    if settings_dict.get("NAME"):
        arguments.append(f"{flag}{settings_dict['NAME']}")
    return arguments


def _pg_environment() -> dict[str, str]:
    # Django's psql helper already maps the password (PGPASSWORD) and the SSL, service and passfile options to
    # libpq's variables; pg_dump and pg_restore read the same ones.
    _, variables = PostgresClient.settings_to_cmd_args_env(connection.settings_dict, [])
    return {**os.environ, **(variables or {})}


def _run_pg_tool(name: str, arguments: list[str]) -> None:
    executable = shutil.which(name)
    if executable is None:
        raise BackupError(
            f"{name} was not found on PATH. Install the PostgreSQL client tools "
            "(the server's major version or newer), e.g. apt-get install postgresql-client."
        )
    # --no-password: fail at once instead of waiting for someone to type one.
    command = [executable, "--no-password", *arguments]
    finished = subprocess.run(command, env=_pg_environment(), capture_output=True, text=True)
    if finished.returncode != 0:
        raise BackupError(f"{name} failed (exit code {finished.returncode}): {finished.stderr.strip()}")
