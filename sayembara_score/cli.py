"""``sayembara-score``: rank entries, check jury reliability, assign jurors.

Exit status: 0 success, 2 unusable input or arguments (the reason goes to
stderr as ``FILE:LINE: reason``, nothing to stdout), 1 when the assignment
module is unavailable.  See docs/cli.md.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from typing import TextIO

from sayembara_score.aggregation import METHODS, ScoreDataError
from sayembara_score.csvio import (
    CsvError,
    read_affinity,
    read_conflicts,
    read_entries,
    read_jurors,
    read_scores,
    read_weights,
)
from sayembara_score.ranking import DEFAULT_BOOTSTRAP, DEFAULT_SEED, DEFAULT_TOP, Ranking, rank
from sayembara_score.reliability import ReliabilityReport, reliability_from_scores

EXIT_OK, EXIT_UNAVAILABLE, EXIT_INPUT = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage error
        return int(exc.code or 0)
    try:
        return args.handler(args, sys.stdout)
    except CsvError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sayembara-score", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ranking = commands.add_parser("rank", help="rank entries with uncertainty and ties")
    ranking.add_argument("scores", metavar="SCORES.csv")
    ranking.add_argument("--weights", metavar="WEIGHTS.csv")
    ranking.add_argument("--method", choices=METHODS, default="additive")
    ranking.add_argument("--bootstrap", type=_non_negative, default=DEFAULT_BOOTSTRAP, metavar="N")
    ranking.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S")
    ranking.add_argument("--top", type=_positive, default=DEFAULT_TOP, metavar="N")
    ranking.add_argument(
        "--published", metavar="PUBLISHED.json",
        help="take the method, number of draws, seed and prize count from a contest's published.json "
        "(they replace --method, --bootstrap, --seed and --top)",
    )
    ranking.add_argument("--format", choices=("table", "json"), default="table")
    ranking.set_defaults(handler=_run_rank)

    rel = commands.add_parser("reliability", help="inter-rater reliability and outlying jurors")
    rel.add_argument("scores", metavar="SCORES.csv")
    rel.add_argument("--format", choices=("table", "json"), default="table")
    rel.set_defaults(handler=_run_reliability)

    assign = commands.add_parser("assign", help="assign jurors to entries")
    assign.add_argument("entries", metavar="ENTRIES.csv")
    assign.add_argument("jurors", metavar="JURORS.csv")
    assign.add_argument("--conflicts", metavar="CONFLICTS.csv")
    assign.add_argument("--affinity", metavar="AFFINITY.csv")
    assign.add_argument("--per-entry", type=_positive, default=3, metavar="K")
    assign.add_argument(
        "--relax", action="append", choices=("elements", "max_load"), default=[],
        help="knowingly drop a constraint: the jury composition rule or the jurors' max_load (repeatable)",
    )
    assign.add_argument("--format", choices=("table", "json"), default="table")
    assign.set_defaults(handler=_run_assign)
    return parser


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return value


# --- rank ------------------------------------------------------------------


def _published_settings(path: str) -> dict:
    """method, bootstrap, seed and top as a contest published them, checked like the options."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CsvError(path, 0, f"cannot read the published JSON: {exc}") from None
    if not isinstance(data, dict):
        raise CsvError(path, 0, "the published JSON must be an object")
    checks = {
        "method": lambda v: v in METHODS,
        "bootstrap": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
        "seed": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "top": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
    }
    for key, valid in checks.items():
        if key not in data or not valid(data[key]):
            raise CsvError(path, 0, f"'{key}' is missing or invalid in the published JSON")
    return {key: data[key] for key in checks}


def _run_rank(args: argparse.Namespace, out: TextIO) -> int:
    if args.published:
        for key, value in _published_settings(args.published).items():
            setattr(args, key, value)
    scores = read_scores(args.scores)
    weights = read_weights(args.weights, scores) if args.weights else None
    try:
        result = rank(
            scores.rows,
            weights=weights,
            method=args.method,
            bootstrap=args.bootstrap,
            seed=args.seed,
            top=args.top,
        )
    except ScoreDataError as exc:
        raise CsvError(args.scores, 0, str(exc)) from None
    if args.format == "json":
        _dump_json(result.to_json(), out)
    else:
        out.write(_rank_table(result))
        _warn(result.warnings)
    return EXIT_OK


def _rank_table(result: Ranking) -> str:
    with_bootstrap = result.bootstrap > 0
    headers = ["rank", "entry", "score"]
    if with_bootstrap:
        headers += ["95% rank interval", f"P(top {result.top})"]
    headers.append("tie")
    rows = []
    for e in result.entries:
        row = [str(e.rank), e.entry, f"{e.score:.3f}"]
        if with_bootstrap:
            row += [f"{e.rank_low}-{e.rank_high}", f"{e.p_top:.3f}"]
        row.append("TIE" if e.tie else "")
        rows.append(row)
    text = f"Method: {result.method}; top {result.top}; bootstrap {result.bootstrap} (seed {result.seed})\n\n"
    text += _table(headers, rows, right={0, 2, 4} if with_bootstrap else {0, 2})
    estimated = [j for j in result.jurors if j.leniency is not None]
    if estimated:
        multi_stage = len({j.stage for j in estimated}) > 1
        jheaders = ["juror"] + (["stage"] if multi_stage else []) + ["leniency"]
        jrows = [
            [j.juror] + ([j.stage] if multi_stage else []) + [f"{round(j.leniency, 3) + 0.0:+.3f}"]
            for j in sorted(estimated, key=lambda j: (-j.leniency, j.juror))
        ]
        text += "\nJuror leniency (score points; positive = generous)\n\n" + _table(jheaders, jrows, right={len(jheaders) - 1})
    return text


# --- reliability -----------------------------------------------------------


def _run_reliability(args: argparse.Namespace, out: TextIO) -> int:
    scores = read_scores(args.scores)
    try:
        report, warnings = reliability_from_scores(scores.rows)
    except (ScoreDataError, ValueError) as exc:
        raise CsvError(args.scores, 0, str(exc)) from None
    if args.format == "json":
        _dump_json(report.to_json(), out)
    else:
        out.write(_reliability_table(report))
        _warn(warnings)
    return EXIT_OK


def _reliability_table(report: ReliabilityReport) -> str:
    labels = {
        "ICC1": "ICC(1,1)", "ICC2": "ICC(2,1)", "ICC3": "ICC(3,1)",
        "ICC1k": "ICC(1,k)", "ICC2k": "ICC(2,k)", "ICC3k": "ICC(3,k)",
    }
    summary = [
        ["entries", str(report.n_entries)],
        ["jurors", str(report.n_jurors)],
        ["ratings", str(report.n_ratings)],
        ["design", report.design],
        *[[labels[k], _fmt(v)] for k, v in report.icc.items()],
        ["Krippendorff alpha (interval)", _fmt(report.krippendorff_alpha)],
        ["Kendall W", _fmt(report.kendall_w)],
    ]
    jurors = [
        [j.juror, str(j.n_ratings), _fmt(j.rms), _fmt(j.deviation), "OUTLIER" if j.outlier else ""]
        for j in report.jurors
    ]
    return (
        _table(["coefficient", "value"], summary)
        + "\n"
        + _table(["juror", "ratings", "rms deviation", "deviation (z)", "outlier"], jurors, right={1, 2, 3})
    )


# --- assign ----------------------------------------------------------------


def _run_assign(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from sayembara_score import assignment
    except ImportError as exc:
        print(f"sayembara-score: assignment is unavailable: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    entries = read_entries(args.entries)
    jurors = read_jurors(args.jurors, elements=assignment.ELEMENTS)
    entry_ids = {e["entry"] for e in entries}
    juror_ids = {j["juror"] for j in jurors}
    conflicts = read_conflicts(args.conflicts, entry_ids, juror_ids) if args.conflicts else set()
    affinity = read_affinity(args.affinity, entry_ids, juror_ids) if args.affinity else {}
    try:
        result = assignment.assign(
            entries, jurors, conflicts, affinity, per_entry=args.per_entry, relax=frozenset(args.relax)
        )
    except ValueError as exc:  # e.g. --per-entry too small for the required elements
        print(f"sayembara-score assign: {exc}", file=sys.stderr)
        return EXIT_INPUT
    payload = result.to_json()
    if args.format == "json":
        _dump_json(payload, out)
    else:
        out.write(_assign_table(payload))
    return EXIT_OK


def _assign_table(payload: dict) -> str:
    panels: dict[str, list[str]] = {}
    for pair in payload["assignments"]:
        panels.setdefault(pair["entry"], []).append(pair["juror"])
    text = (
        f"Total affinity: {payload['total_affinity']:.3f}; "
        f"optimal: {'yes' if payload['optimal'] else 'no'}\n\n"
    )
    text += _table(["entry", "jurors"], [[e, ", ".join(sorted(j))] for e, j in sorted(panels.items())])
    text += "\n" + _table(["juror", "load"], [[j, str(n)] for j, n in sorted(payload["load"].items())], right={1})
    if payload["unmet"]:
        unmet = [[str(u.get("entry", "")), str(u.get("constraint", "")), str(u.get("detail", ""))] for u in payload["unmet"]]
        text += "\nUnmet constraints\n\n" + _table(["entry", "constraint", "detail"], unmet)
    return text


# --- output helpers --------------------------------------------------------


def _table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    """Text columns separated by two spaces, with a rule under the header.

    Columns whose index is in ``right`` (numbers) are right-aligned.
    """
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        padded = (c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))
        return "  ".join(padded).rstrip() + "\n"

    return line(headers) + line(["-" * w for w in widths]) + "".join(line(r) for r in rows)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _dump_json(payload: dict, out: TextIO) -> None:
    """Write strict JSON: a non-finite number anywhere becomes null, never NaN or Infinity."""
    json.dump(_json_safe(payload), out, indent=2, ensure_ascii=False, allow_nan=False)
    out.write("\n")


def _json_safe(value):
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return value


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
