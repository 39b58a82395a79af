"""Participation insights at national scale on SQLite: 30,000 innovations, 50,000 entries, 450,000 scores.

Reuses the registry benchmark's synthetic data (bench_registry.build_scale_data),
adds one judged stage per synthetic edition (3 jurors × 3 criteria per entry),
then times the organiser's pages through Django's test client.

Target: the dashboard under 200 ms of server time at the median, query counts that do not grow.

Run: .venv/bin/python bench/bench_insights.py   (BENCH_DB=path keeps the built database for reruns)
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_registry import build_scale_data, prepared_database, setup_django, time_pages  # noqa: E402

URLS = {
    "insights: dashboard (2020)": "/insights/?year=2020",
    "insights: coverage and invitations (2020)": "/insights/coverage/?year=2020",
    "insights: summary for the Regent": "/insights/summary/?year=2020",
    "insights: score distributions": "/insights/scores/",
    "insights: XLSX export": "/insights/export.xlsx?year=2020",
    "insights: call for entries (public)": "/insights/call/",
}


def add_scores(seed: int = 7) -> float:
    from django.db import transaction

    from sayembara.accounts.models import User
    from sayembara.editions.models import Criterion, Edition, Stage
    from sayembara.entries.models import Entry
    from sayembara.jury.models import Juror, Score, ScoreSheet

    rng = random.Random(seed)
    started = time.perf_counter()
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(username=f"juri{i}", email=f"juri{i}@bench.example", full_name=f"Juri {i}") for i in range(30)
        )
        for edition in Edition.objects.filter(stages__isnull=True):
            stage = Stage.objects.create(edition=edition, order=1, kind=Stage.Kind.PROPOSAL, name="Penilaian Proposal",
                                         weight=Decimal("100"), status=Stage.Status.CLOSED)
            criteria = [Criterion.objects.create(stage=stage, order=i, code=code, name=name, weight=Decimal(w))
                        for i, (code, name, w) in enumerate([("inovasi", "Inovasi", 40), ("kemanfaatan", "Kemanfaatan", 35),
                                                             ("replikasi", "Replikasi dan Keberlanjutan", 25)])]
            jurors = Juror.objects.bulk_create(Juror(edition=edition, user=u, element=Juror.Element.ACADEMIC) for u in users)
            entry_ids = list(Entry.objects.filter(edition=edition).exclude(status="draft").values_list("pk", flat=True))
            sheets = ScoreSheet.objects.bulk_create(
                (ScoreSheet(stage=stage, juror=juror, entry_id=entry_id, status=ScoreSheet.Status.SUBMITTED)
                 for entry_id in entry_ids for juror in rng.sample(jurors, 3)),
                batch_size=2000,
            )
            Score.objects.bulk_create(
                (Score(sheet=sheet, criterion=c, value=Decimal(rng.randint(40, 98))) for sheet in sheets for c in criteria),
                batch_size=5000,
            )
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, reused = prepared_database(tmp)
        setup_django(path)
        from django.test import Client

        from sayembara import demo
        from sayembara.accounts.models import User

        if not reused:
            demo.build()
        client = Client()
        client.force_login(User.objects.get(email="panitia@pemalang.demo"), backend="django.contrib.auth.backends.ModelBackend")
        small = {name: {"queries": "?"} for name in URLS} if reused else time_pages(client, URLS, runs=3)
        if not reused:
            timings = build_scale_data()
            timings["scores_s"] = add_scores()
            print(f"built in {timings['build_s']:.1f} s, indexed in {timings['index_s']:.1f} s, "
                  f"scores in {timings['scores_s']:.1f} s")
        from sayembara.entries.models import Entry
        from sayembara.jury.models import Score

        print(f"data: {Entry.objects.count():,} entries, {Score.objects.count():,} scores")
        from django.core.cache import cache

        large = time_pages(client, URLS, runs=15)
        print("Warm: figures cached until the data changes (signals) or 10 minutes pass.")
        print(f"{'page':52} {'median ms':>10} {'p90 ms':>8} {'queries (demo → large)':>24}")
        for name, row in large.items():
            print(f"{name:52} {row['median_ms']:10.1f} {row['p90_ms']:8.1f} {small[name]['queries']:>14} → {row['queries']}")
        print("Cold: the first request after a change recomputes the figures.")
        for name, url in URLS.items():
            times = []
            for _ in range(3):
                cache.clear()
                client.force_login(User.objects.get(email="panitia@pemalang.demo"),
                                   backend="django.contrib.auth.backends.ModelBackend")
                started = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            print(f"{name:52} {sorted(times)[1]:10.1f}")


if __name__ == "__main__":
    main()
