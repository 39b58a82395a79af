"""The decision sequence at national scale: 5,000 entries, 300 jurors, 3 per entry.

Builds a throwaway SQLite database (or uses DATABASE_URL), proposes winners, then times each step as the organiser
takes it (provisional announcement, the decision page's checks, the decision, the final publication with its
certificates and letter numbers) and the public pages the step opens (median of 5, ratio to a trivial view,
bytes, queries). One entry carries a hostile title, which must come out escaped.

    .venv/bin/python bench/bench_sequence.py [--entries 5000 --jurors 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

HOSTILE = '<b>SIP</b>=HYPERLINK("http://x")'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--jurors", type=int, default=300)
    args = parser.parse_args()

    from bench_results import build_edition, throwaway_django

    throwaway_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from sayembara.accounts.models import User
    from sayembara.results import sequence, services
    from sayembara.results.models import Award, ProvisionalAnnouncement

    edition = build_edition(2030, args.entries, args.jurors)
    edition.stages.update(status="closed")
    organiser = User.objects.create_user(email="bench@example.org", username="bench", full_name="Bench", password="x" * 12,
                                         is_organiser=True)
    run = services.compute_ranking(edition)
    first = services.ranked_rows(run)[0].entry  # on the first page of every ranking shown
    type(first).objects.filter(pk=first.pk).update(title=HOSTILE)
    for order, row in enumerate(services.ranked_rows(run)[:3], start=1):
        Award.objects.create(edition=edition, entry=row.entry, title=f"Juara {order}", order=order)
    print(f"{args.entries} entries x {args.jurors} jurors, 3 per entry ({connection.vendor})")

    def step(label, action):
        t0 = time.perf_counter()
        result = action()
        print(f"{label}: {time.perf_counter() - t0:.2f} s")
        return result

    client = Client()
    organiser_client = Client()
    organiser_client.force_login(organiser, backend="django.contrib.auth.backends.ModelBackend")

    def page(label, c, url):
        timings, size = [], 0
        for _ in range(5):
            with CaptureQueriesContext(connection) as ctx:
                t0 = time.perf_counter()
                response = c.get(url)
                timings.append(time.perf_counter() - t0)
            assert response.status_code == 200, (url, response.status_code)
            size = len(response.content)
        median = statistics.median(timings)
        print(f"  {label:<34} median {median * 1000:7.1f} ms  x{median / trivial:5.1f} trivial  {size / 1024:7.1f} KiB  "
              f"{len(ctx.captured_queries)} queries")
        return response.content.decode()

    trivial = statistics.median(_time(client, "/health/") for _ in range(20))
    print(f"  trivial view (/health/)            median {trivial * 1000:7.1f} ms")

    step("provisional announcement (payload of every score, hashed)",
         lambda: sequence.announce_provisional(edition, organiser))
    public = page("public provisional page", client, "/results/2030/")
    assert HOSTILE not in public and "&lt;b&gt;SIP&lt;/b&gt;" in public, "hostile title not escaped"
    page("public test page", client, "/results/2030/objections/")
    page("organiser's decision page (checks)", organiser_client, "/results/2030/manage/decision/")
    ended = timezone.now() - dt.timedelta(days=1)
    ProvisionalAnnouncement.objects.filter(edition=edition).update(announced_at=ended - dt.timedelta(days=5),
                                                                   public_test_ends_at=ended)
    step("decision (checks the result against the announcement)",
         lambda: sequence.decide(edition, organiser, held_on=timezone.localdate(), place="Jakarta",
                                 present=list(edition.jurors.all()[:5])))
    sequence.record_decree(edition, organiser, "100/1/2030", timezone.localdate())
    page("organiser's publication page (checks)", organiser_client, "/results/2030/manage/publish/")
    if os.environ.get("PROFILE"):
        import cProfile
        import pstats

        cProfile.runctx("sequence.publish(edition, organiser)", globals(), locals(), "/tmp/publish.prof")
        pstats.Stats("/tmp/publish.prof").sort_stats("cumulative").print_stats(25)
    else:
        step(f"final publication ({args.entries} certificates and letter numbers)",
             lambda: sequence.publish(edition, organiser))
    page("public final results page", client, "/results/2030/")
    page("public final results page, page 50", client, "/results/2030/?page=50")
    page("organiser's ranking desk", organiser_client, "/results/2030/manage/")


def _time(client, url: str) -> float:
    t0 = time.perf_counter()
    client.get(url)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
