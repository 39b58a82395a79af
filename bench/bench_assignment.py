"""National-scale benchmark for ``sayembara_score.assignment.assign`` (scoring.md 4.3).

Instance: 5,000 entries and 300 jurors (100 each of academic, ngo and
bureaucracy), 3 jurors per entry with the composition rule. Affinity is the
cosine similarity of 12-topic Dirichlet profiles. About 3 % of pairs are
conflicted, either detected automatically (same institution or same
provincial parent) or declared. The script prints build time, solve time,
peak RSS, load spread and unmet count. It then re-checks every hard
constraint independently of the solver and exits non-zero on any violation.

Run: ``.venv/bin/python bench/bench_assignment.py [--entries N] [--jurors-per-element N] [--seed S]``
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sayembara_score.assignment import REQUIRED_ELEMENTS, assign, detect_conflicts  # noqa: E402

TOPICS = 12
INSTITUTIONS = 600
PROVINCES = 38
DECLARED_CONFLICT_RATE = 0.02


def peak_rss_mb() -> float:
    """Return peak resident set size in MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_instance(n_entries: int, per_element: int, seed: int):
    """Build a synthetic national contest: entries, jurors, declared conflicts, affinity dict."""
    rng = np.random.default_rng(seed)
    entries = [
        {"entry": f"E{i:05d}", "institution": f"inst-{rng.integers(INSTITUTIONS)}",
         "parent_institution": f"prov-{rng.integers(PROVINCES)}", "category": "layanan"}
        for i in range(n_entries)
    ]
    jurors = []
    for element in REQUIRED_ELEMENTS:
        for k in range(per_element):
            # Bureaucrats work for a provincial government. That conflicts with about 1/38 of entries.
            home = f"prov-{rng.integers(PROVINCES)}" if element == "bureaucracy" else f"inst-{rng.integers(INSTITUTIONS)}"
            jurors.append({"juror": f"{element[:3].upper()}{k:03d}", "element": element,
                           "institution": home, "max_load": None})
    n_jurors = len(jurors)
    declared_e, declared_j = np.nonzero(rng.random((n_entries, n_jurors)) < DECLARED_CONFLICT_RATE)
    conflicts = {(jurors[j]["juror"], entries[e]["entry"]) for e, j in zip(declared_e.tolist(), declared_j.tolist())}

    entry_topics = rng.dirichlet(np.full(TOPICS, 0.3), size=n_entries)
    juror_topics = rng.dirichlet(np.full(TOPICS, 0.3), size=n_jurors)
    entry_topics /= np.linalg.norm(entry_topics, axis=1, keepdims=True)
    juror_topics /= np.linalg.norm(juror_topics, axis=1, keepdims=True)
    cosine = (entry_topics @ juror_topics.T).round(4)
    entry_ids = [e["entry"] for e in entries]
    affinity = {
        (juror["juror"], entry_id): score
        for entry_id, row in zip(entry_ids, cosine.tolist())
        for juror, score in zip(jurors, row)
    }
    return entries, jurors, conflicts, affinity


def verify(result, entries, jurors, conflicts, per_entry: int) -> list[str]:
    """Re-check the hard constraints from the raw input, without the solver's internals."""
    problems: list[str] = []
    element = {j["juror"]: j["element"] for j in jurors}
    institution = {j["juror"]: j["institution"] for j in jurors}
    entry_by_id = {e["entry"]: e for e in entries}
    panels: dict[str, list[str]] = {e["entry"]: [] for e in entries}
    for entry_id, juror_id in result.assignments:
        panels[entry_id].append(juror_id)
        entry = entry_by_id[entry_id]
        if (juror_id, entry_id) in conflicts or institution[juror_id] in (entry["institution"], entry["parent_institution"]):
            problems.append(f"conflicted pair assigned: {entry_id} / {juror_id}")
    unmet = {(u["entry"], u["constraint"]) for u in result.unmet}
    for entry_id, panel in panels.items():
        if len(set(panel)) != len(panel):
            problems.append(f"{entry_id} has a juror twice")
        if len(panel) != per_entry and (entry_id, "per_entry") not in unmet:
            problems.append(f"{entry_id} has {len(panel)} jurors and is not reported unmet")
        for name in REQUIRED_ELEMENTS:
            if not any(element[j] == name for j in panel) and (entry_id, f"element:{name}") not in unmet:
                problems.append(f"{entry_id} lacks {name} and is not reported unmet")
    for juror in jurors:
        cap = juror.get("max_load")
        if cap is not None and result.load[juror["juror"]] > cap:
            problems.append(f"{juror['juror']} above max_load")
    return problems


def time_cli(entries, jurors, conflicts, affinity, per_entry: int) -> None:
    """Write the instance as CSV files and time the whole ``sayembara-score assign`` run.

    Target (issue "Rankings you can defend in public"): the whole run within 3x the bare solve.
    """
    import contextlib
    import io
    import tempfile

    from sayembara_score import cli
    from sayembara_score.csvio import read_affinity

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "entries.csv").write_text(
            "entry,institution\n" + "".join(f"{e['entry']},{e['institution']}\n" for e in entries))
        (folder / "jurors.csv").write_text(
            "juror,element,institution,max_load\n" + "".join(f"{j['juror']},{j['element']},{j['institution']},\n" for j in jurors))
        (folder / "conflicts.csv").write_text("juror,entry\n" + "".join(f"{j},{e}\n" for j, e in sorted(conflicts)))
        (folder / "affinity.csv").write_text(
            "juror,entry,affinity\n" + "".join(f"{j},{e},{a}\n" for (j, e), a in affinity.items()))
        start = time.perf_counter()
        read_affinity(folder / "affinity.csv", {e["entry"] for e in entries}, {j["juror"] for j in jurors})
        read_seconds = time.perf_counter() - start
        argv = ["assign", str(folder / "entries.csv"), str(folder / "jurors.csv"), "--conflicts",
                str(folder / "conflicts.csv"), "--affinity", str(folder / "affinity.csv"),
                "--per-entry", str(per_entry), "--format", "json"]
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            status = cli.main(argv)
        whole = time.perf_counter() - start
    print(f"CLI: read {len(affinity):,}-row AFFINITY.csv {read_seconds:.2f} s; whole assign run {whole:.2f} s "
          f"(exit {status})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--jurors-per-element", type=int, default=100)
    parser.add_argument("--per-entry", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cli", action="store_true", help="also time the whole CLI run from CSV files")
    args = parser.parse_args()

    t0 = time.perf_counter()
    entries, jurors, conflicts, affinity = make_instance(args.entries, args.jurors_per_element, args.seed)
    print(f"instance: {len(entries)} entries, {len(jurors)} jurors, K={args.per_entry}, "
          f"{len(conflicts)} declared conflicts, generated in {time.perf_counter() - t0:.2f} s, "
          f"RSS so far {peak_rss_mb():.0f} MB")

    result = assign(entries, jurors, conflicts, affinity, per_entry=args.per_entry, seed=args.seed)
    loads = np.array(list(result.load.values()))
    n_pairs = len(entries) * len(jurors)
    print(f"build {result.build_seconds:.2f} s (includes dict -> array conversion and conflict detection)")
    print(f"solve {result.solve_seconds:.2f} s")
    print(f"peak RSS {peak_rss_mb():.0f} MB (whole process, including the {len(affinity):,}-pair affinity dict)")
    print(f"assignments {len(result.assignments)}, total affinity {result.total_affinity:.2f}, "
          f"mean {result.total_affinity / max(1, len(result.assignments)):.4f}")
    fair_share = -(-len(entries) * args.per_entry // len(jurors))
    print(f"load min {loads.min()} / max {loads.max()} (fair share {fair_share})")
    print(f"unmet {len(result.unmet)}, optimal {result.optimal}")

    eligible_pairs = n_pairs - len(set(conflicts) | detect_conflicts(entries, jurors))
    print(f"conflicted pairs {100 * (1 - eligible_pairs / n_pairs):.2f} % -> {eligible_pairs:,} candidate arcs")
    problems = verify(result, entries, jurors, conflicts, args.per_entry)
    print(f"constraint check: {'OK' if not problems else f'{len(problems)} violations'}")
    for line in problems[:20]:
        print("  ", line)
    if args.cli:
        time_cli(entries, jurors, conflicts, affinity, args.per_entry)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
