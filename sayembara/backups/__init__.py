"""Operator backups: ``manage.py backup`` and ``manage.py restore``.

One archive (``sayembara-backup-<UTC time>.tar.gz``) holds the database dump (``database.sqlite3`` or
``database.pgdump``), every uploaded file under ``files/`` and ``manifest.json``, which names the database vendor,
the migrations applied and the SHA-256 of every member. The README's "Backups" section tells how to use them.
"""
