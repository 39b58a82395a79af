"""Assignment through the database at national scale: 5,000 entries x 300 jurors.

Builds a throwaway database (SQLite in a temp dir unless DATABASE_URL is set), fills it
with a synthetic edition, then times the three database parts of
``sayembara.jury.services.run_assignment``: reading the solver input (a fixed
number of queries, printed), solving, and saving the ~15,000 assignments with
bulk_create. Run by hand:

    .venv/bin/python bench/bench_assignment_db.py [--entries 5000] [--jurors-per-element 100]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--jurors-per-element", type=int, default=100)
    args = parser.parse_args()
    os.environ.setdefault("SAYEMBARA_VAR_DIR", tempfile.mkdtemp(prefix="bench-jury-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sayembara.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    import random

    from sayembara.accounts.models import User
    from sayembara.editions.models import Category, Edition, Stage
    from sayembara.entries.models import Entry, Innovation
    from sayembara.institutions.models import Institution, InstitutionType
    from sayembara.jury import services
    from sayembara.jury.models import Assignment, Juror, StageJury

    rng = random.Random(7)
    started = time.perf_counter()
    kind = InstitutionType.objects.create(code="bench", name="Bench")
    provinces = Institution.objects.bulk_create(Institution(type=kind, name=f"Provinsi {i}") for i in range(38))
    institutions = Institution.objects.bulk_create(
        Institution(type=kind, name=f"Instansi {i}", parent=provinces[i % 38]) for i in range(600)
    )
    edition = Edition.objects.create(year=2099, title="Bench", host="Bench", status=Edition.Status.JUDGING)
    categories = Category.objects.bulk_create(Category(edition=edition, name=f"Kategori {i}", order=i) for i in range(12))
    stage = Stage.objects.create(edition=edition, order=1, kind=Stage.Kind.PROPOSAL, name="Proposal", weight=100)
    homes = [rng.choice(institutions) for _ in range(args.entries)]
    innovations = Innovation.objects.bulk_create(
        Innovation(title=f"Inovasi {i}", institution=homes[i]) for i in range(args.entries)
    )
    Entry.objects.bulk_create(
        Entry(edition=edition, innovation=innovations[i], institution=homes[i], category=rng.choice(categories),
              title=f"Inovasi {i}", status=Entry.Status.PASSED, code=f"B-{i:05d}")
        for i in range(args.entries)
    )
    users = User.objects.bulk_create(
        User(email=f"j{i}@bench.test", username=f"j{i}", full_name=f"Juri {i}")
        for i in range(3 * args.jurors_per_element)
    )
    jurors = Juror.objects.bulk_create(
        Juror(edition=edition, user=user, element=("academic", "ngo", "bureaucracy")[i % 3], max_load=60,
              affiliation=rng.choice(provinces if i % 3 == 2 else institutions))
        for i, user in enumerate(users)
    )
    through = Juror.expertise.through
    through.objects.bulk_create(
        through(juror_id=j.pk, category_id=c.pk) for j in jurors for c in rng.sample(categories, 3)
    )
    print(f"fixture: {args.entries} entries, {len(jurors)} jurors in {time.perf_counter() - started:.1f} s")

    entries = services.stage_entries(stage)
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        t0 = time.perf_counter()
        found = services.detect_conflicts(edition, entries)
        t1 = time.perf_counter()
    print(f"detect conflicts: {found} recorded in {t1 - t0:.2f} s, {len(ctx.captured_queries)} queries")
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        t0 = time.perf_counter()
        solver_entries, solver_jurors, entry_rows, _ = services.solver_pool(edition, entries)
        affinity = services.expertise_affinity(edition, entry_rows)
        declared = {(str(j), str(e)) for j, e in services.conflicted_pairs(edition)}
        t1 = time.perf_counter()
    print(f"read solver input: {t1 - t0:.2f} s, {len(ctx.captured_queries)} queries, {len(affinity)} affinity pairs")
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        t0 = time.perf_counter()
        outcome = services.run_assignment(stage, StageJury.Mode.AUTOMATIC, per_entry=3, seed=1)
        t1 = time.perf_counter()
    print(f"run_assignment end to end: {t1 - t0:.2f} s (solver {outcome.seconds:.2f} s), {len(ctx.captured_queries)} "
          f"queries, {outcome.created} assignments saved, optimal={outcome.optimal}, unmet={len(outcome.unmet)}")
    assert Assignment.objects.filter(stage=stage).count() == outcome.created
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        t0 = time.perf_counter()
        overview = services.assignment_overview(stage)
        progress = services.progress(stage)
        t1 = time.perf_counter()
    print(f"assignment page + progress data: {t1 - t0:.2f} s, {len(ctx.captured_queries)} queries "
          f"({len(overview['entries'])} entries, {len(progress['jurors'])} jurors)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
