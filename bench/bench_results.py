"""Results at national scale, through the database: 5,000 entries, 300 jurors, 3 jurors per entry, 3 criteria.

Builds a throwaway SQLite database (or uses DATABASE_URL if set), then prints:
the time to read the scores, the corrected ranking with 1,000 bootstrap
resamples plus sensitivity and reliability (stored as rows), the results page's
server time and query count, and the same count for a regency-sized edition
(the count must not grow with the data).

    .venv/bin/python bench/bench_results.py [--entries 5000 --jurors 300]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--jurors", type=int, default=300)
    args = parser.parse_args()

    throwaway_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    started = time.perf_counter()
    national = build_edition(2030, args.entries, args.jurors)
    regency = build_edition(2031, 40, 3, full_panel=True)
    print(f"built {args.entries} entries x {args.jurors} jurors in {time.perf_counter() - started:.1f} s ({connection.vendor})")

    from sayembara.results import services

    t0 = time.perf_counter()
    inputs = services.load_inputs(national)
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    run = services.compute_ranking(national)
    t_compute = time.perf_counter() - t0
    print(f"read {len(inputs.rows):,} scores from the database: {t_load:.2f} s")
    print(f"ranking ({run.method_used}, {run.bootstrap} resamples) + sensitivity + reliability, stored: {t_compute:.2f} s")
    services.compute_ranking(regency)

    from sayembara.accounts.models import User

    organiser = User.objects.create_user(email="bench@example.org", username="bench", full_name="Bench", password="x" * 12, is_organiser=True)
    client = Client()
    client.force_login(organiser, backend="django.contrib.auth.backends.ModelBackend")
    counts = {}
    for edition in (regency, national):
        timings = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as ctx:
                t0 = time.perf_counter()
                response = client.get(f"/results/{edition.year}/manage/")
                timings.append(time.perf_counter() - t0)
            assert response.status_code == 200
        counts[edition.year] = len(ctx.captured_queries)
        print(f"results page, {edition.entries.count():>5} entries: median {statistics.median(timings) * 1000:.0f} ms, {counts[edition.year]} queries")
    print(f"query count constant: {counts[regency.year] == counts[national.year]}")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def throwaway_django() -> None:
    """Django on a migrated throwaway SQLite database (or on DATABASE_URL when set)."""
    tmp = tempfile.mkdtemp(prefix="sayembara-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "sayembara.settings"
    os.environ.setdefault("SAYEMBARA_VAR_DIR", tmp)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_edition(year: int, n_entries: int, n_jurors: int, full_panel: bool = False):
    """A synthetic edition scored by 3 jurors per entry (one per element), with planted leniency."""
    from decimal import Decimal

    import numpy as np
    from django.utils import timezone

    from sayembara.accounts.models import User
    from sayembara.editions.models import Criterion, Edition, Stage
    from sayembara.entries.models import Entry, Innovation
    from sayembara.institutions.models import Institution, InstitutionType
    from sayembara.jury.models import Juror, Score, ScoreSheet

    rng = np.random.default_rng(year)
    kind, _ = InstitutionType.objects.get_or_create(code="opd", defaults={"name": "OPD"})
    edition = Edition.objects.create(year=year, title="Bench", host="Bench", status=Edition.Status.CLOSED)
    stage = Stage.objects.create(edition=edition, order=1, kind=Stage.Kind.PROPOSAL, name="Proposal", weight=Decimal(100))
    criteria = [
        Criterion.objects.create(stage=stage, order=i, code=code, name=code, weight=Decimal(w))
        for i, (code, w) in enumerate([("inovasi", 40), ("kemanfaatan", 35), ("replikasi", 25)])
    ]
    institutions = Institution.objects.bulk_create(
        Institution(type=kind, name=f"Unit {year}-{i}") for i in range(max(10, n_entries // 10))
    )
    innovations = Innovation.objects.bulk_create(
        Innovation(title=f"Inovasi {year}-{i}", institution=institutions[i % len(institutions)]) for i in range(n_entries)
    )
    entries = Entry.objects.bulk_create(
        Entry(edition=edition, innovation=inv, institution=inv.institution, title=inv.title, status=Entry.Status.PASSED,
              code=f"B{year}-{i:05d}")
        for i, inv in enumerate(innovations)
    )
    users = User.objects.bulk_create(
        User(email=f"j{year}-{j}@example.org", username=f"j{year}-{j}", full_name=f"Juri {j}") for j in range(n_jurors)
    )
    elements = [Juror.Element.ACADEMIC, Juror.Element.NGO, Juror.Element.BUREAUCRACY]
    jurors = Juror.objects.bulk_create(
        Juror(edition=edition, user=u, element=elements[j % 3]) for j, u in enumerate(users)
    )
    quality = rng.normal(70, 8, n_entries)
    leniency = rng.normal(0, 4, n_jurors)
    by_element = [[j for j in range(n_jurors) if j % 3 == e] for e in range(3)]
    sheets, panel = [], []
    now = timezone.now()
    for i, entry in enumerate(entries):
        # Random panels (one juror per element) keep the design connected, as a real assignment does.
        chosen = range(n_jurors) if full_panel else [int(rng.choice(by_element[e])) for e in range(3)]
        for j in chosen:
            sheets.append(ScoreSheet(stage=stage, juror=jurors[j], entry=entry, status=ScoreSheet.Status.SUBMITTED, submitted_at=now))
            panel.append((i, j))
    sheets = ScoreSheet.objects.bulk_create(sheets, batch_size=5000)
    noise = rng.normal(0, 5, (len(sheets), len(criteria)))
    scores = []
    for s, (sheet, (i, j)) in enumerate(zip(sheets, panel)):
        for c, criterion in enumerate(criteria):
            value = float(np.clip(quality[i] + leniency[j] + noise[s, c], 0, 100))
            scores.append(Score(sheet=sheet, criterion=criterion, value=Decimal(str(round(value)))))
    Score.objects.bulk_create(scores, batch_size=5000)
    return edition


if __name__ == "__main__":
    main()
