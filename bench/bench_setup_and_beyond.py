"""The pages of issues 17 and 18 with national-sized data, on SQLite, in-process (server time only).

Builds a throw-away SQLite database: the Pemalang demo, then a draft edition made from presets with 5,000 entries
(KIPP Umum and Replikasi groups, 40 categories, 30 schedule steps), a unit with 600 innovations (IID profiles and
evidence rows), and a token for the organiser. Times each page through Django's test client: the median of 7, its
ratio to /health/ in the same run, the response's size, and its query count, first with the demo's data and then at
scale (a query count that grows with the data is a failure).

Target: median under 300 ms and pages under 500 KB; query counts equal at both sizes.

Run: .venv/bin/python bench/bench_setup_and_beyond.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REPEAT = 7


def setup_django(database: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sayembara.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["SAYEMBARA_VAR_DIR"] = str(database.parent)
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    os.environ["API_ANON_RATE"] = os.environ["API_USER_RATE"] = "100000/minute"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)
    call_command("load_demo", verbosity=0)


def build(year: int, scale: bool) -> dict:
    """A preset edition with two groups; at scale 5,000 entries, 40 categories, 30 phases and 600 innovations."""
    import datetime as dt

    from django.utils import timezone

    from sayembara.editions.models import Category, EntryGroup, Phase
    from sayembara.entries.models import Entry, Innovation
    from sayembara.institutions.models import Institution
    from sayembara.portal import presets
    from sayembara.registry.models import IidEvidence, IidProfile

    edition = presets.new_edition(year, "Kompetisi Inovasi", "Kabupaten Uji", "kipp_umum", "seed_pemalang")
    umum = edition.groups.get()
    replikasi = EntryGroup.objects.create(edition=edition, name="Replikasi", order=2)
    presets.apply_form(replikasi, "kipp_replikasi")
    categories = [Category.objects.create(edition=edition, name=f"Kategori {n}", order=n + 2,
                                          group=umum if n % 2 else replikasi) for n in range(40 if scale else 2)]
    start = timezone.now() + dt.timedelta(days=30)
    for n in range(30 if scale else 6):
        Phase.objects.create(edition=edition, kind="judging", name=f"Langkah {n}",
                             starts_at=start + dt.timedelta(days=n), ends_at=start + dt.timedelta(days=n, hours=8))
    unit = Institution.objects.filter(innovations__isnull=False).first()
    n_entries = 5000 if scale else 10
    innovations = Innovation.objects.bulk_create(
        Innovation(title=f"Inovasi skala {year}-{n}", institution=unit) for n in range(n_entries))
    Entry.objects.bulk_create(
        Entry(edition=edition, innovation=i, institution=unit, category=categories[n % len(categories)],
              title=i.title, code=f"B{year}-{n:05d}", status="sent") for n, i in enumerate(innovations))
    mine = innovations[:600 if scale else 5]
    IidProfile.objects.bulk_create(IidProfile(innovation=i, initiator="opd", affair="adminduk", design="kata " * 300,
                                              purpose="T", benefit="M", result="H") for i in mine)
    IidEvidence.objects.bulk_create(IidEvidence(innovation=i, indicator="iid_regulasi", file="x.pdf",
                                                original_name="perbup.pdf", content_type="application/pdf", size=10)
                                    for i in mine)
    return {"year": year, "group": replikasi.pk, "unit": unit.pk, "code": f"B{year}-00001"}


def pages(facts: dict) -> list[tuple[str, str, str]]:
    year, group, unit, code = facts["year"], facts["group"], facts["unit"], facts["code"]
    return [
        ("health", "/health/", "anonymous"),
        ("setup overview", f"/organiser/{year}/setup/", "organiser"),
        ("setup schedule", f"/organiser/{year}/setup/schedule/", "organiser"),
        ("setup groups and categories", f"/organiser/{year}/setup/groups/", "organiser"),
        ("setup group form", f"/organiser/{year}/setup/form/{group}/", "organiser"),
        ("setup stages", f"/organiser/{year}/setup/stages/", "organiser"),
        ("setup stage criteria", f"/organiser/{year}/setup/stages/2/", "organiser"),
        ("organiser dashboard (draft)", f"/organiser/?year={year}", "organiser"),
        ("IID readiness per unit", "/registry/iid/", "organiser"),
        ("IID one unit", f"/registry/iid/unit/{unit}/", "organiser"),
        ("IID export xlsx", f"/registry/iid/unit/{unit}/export.xlsx", "organiser"),
        ("SINOVIK page", f"/entries/{code}/sinovik/", "organiser"),
        ("SINOVIK zip", f"/entries/{code}/sinovik.zip", "organiser"),
        ("insights (winners beyond)", "/insights/", "organiser"),
        ("telegram edition page", f"/organiser/telegram/{year}/", "organiser"),
        ("API registry search", "/api/v1/registry/innovations/?q=pelayanan", "anonymous"),
        ("API results 2020", "/api/v1/results/2020/", "anonymous"),
        ("API organiser entries", f"/api/v1/organiser/editions/{year}/entries/", "token"),
    ]


def measure(facts: dict) -> dict[str, tuple[float, int, int, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from sayembara.accounts.models import User
    from sayembara.api import services as api_services

    organiser = User.objects.get(email="panitia@pemalang.demo")
    clients = {"anonymous": Client(), "organiser": Client()}
    clients["organiser"].force_login(organiser)
    clients["token"] = Client(HTTP_AUTHORIZATION=f"Token {api_services.create_token(organiser, 'bench').key}")
    from sayembara.jobs import heartbeat

    found = {}
    for name, path, who in pages(facts):
        heartbeat.beat()  # /health/ answers 200 while a worker's heartbeat is fresh
        client = clients[who]
        client.get(path)  # warm
        times = []
        for _ in range(REPEAT):
            began = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - began)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        found[name] = (statistics.median(times) * 1000, len(response.content), len(queries.captured_queries),
                       response.status_code)
    return found


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.conf import settings

        settings.ALLOWED_HOSTS = ["*"]
        small = measure(build(2091, scale=False))
        large = measure(build(2092, scale=True))
        health = large["health"][0]
        print(f"{'page':34} {'median ms':>10} {'x health':>9} {'bytes':>9} {'queries':>8} {'(demo)':>7} status")
        for name, (ms, size, queries, status) in large.items():
            flag = "" if queries == small[name][2] else "  <- grows"
            print(f"{name:34} {ms:10.1f} {ms / health:9.1f} {size:9d} {queries:8d} {small[name][2]:7d} {status}{flag}")


if __name__ == "__main__":
    main()
