"""From per-criterion scores to per-sheet totals and per-entry scores.

A *sheet* is what one juror fills in for one entry in one stage: a score per
criterion.  Its total is the weighted mean of the criteria (weights are
normalised to sum to 1 within a stage, so totals stay on the criteria's own
scale; the ranking is the same as with a plain weighted sum).  A sheet with a
missing criterion is *incomplete*: it is left out and reported, never scored as
zero, because a zero would punish the entry for the juror's omission.

The per-entry aggregation methods (``mean``, ``median``, ``trimmed``,
``zscore``, ``additive``) all return scores aligned with ``Sheets.entries``.
The bootstrap replicates of each method live here too, next to the point
estimate they must mirror.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from sayembara_score.additive import AdditiveFit, fit_additive

METHODS: tuple[str, ...] = ("mean", "median", "trimmed", "zscore", "additive")
"""Aggregation methods accepted by :func:`aggregate` and the ranking."""

ALL_STAGES = ""
"""Stage key for criterion weights that apply to every stage, and the stage
name of score rows that have no stage (single-stage competitions)."""


class ScoreDataError(ValueError):
    """The score data or the weights cannot be used as given.

    ``problem`` is the :class:`WeightProblem` behind it, when there is one, so
    an application can say it in its own words.
    """

    def __init__(self, message: str, problem: "WeightProblem | None" = None):
        super().__init__(message)
        self.problem = problem


class Notice(str):
    """A warning: its English text, plus a ``code`` and ``params`` (entry,
    juror and stage ids, counts) so an application can say it in its own words
    and with its own names.  It is a ``str``, so printing and JSON stay as
    they were."""

    code: str
    params: dict

    def __new__(cls, text: str, code: str, **params):
        notice = super().__new__(cls, text)
        notice.code, notice.params = code, params
        return notice


class ScoreRow(NamedTuple):
    """One juror's score for one criterion of one entry (one CSV row)."""

    entry: str
    juror: str
    criterion: str
    score: float
    stage: str = ALL_STAGES


@dataclass(frozen=True)
class WeightScheme:
    """Criterion weights per stage, and how stages combine into a final score.

    ``criteria`` maps ``(stage, criterion)`` to a weight; the stage
    :data:`ALL_STAGES` (``""``) supplies weights for every stage that has none
    of its own, restricted to the criteria actually scored in that stage.  A
    stage with neither gets equal weights.  ``stages`` maps a stage to its weight
    in the final score (default 1 each).  ``stage_order`` lists stages from the
    first round to the last; stages not listed follow in order of first
    appearance in the scores.  ``ranges`` maps ``(stage, criterion)`` to the
    criterion's ``(min, max)`` scale (stage ``""`` for every stage); a score
    outside it is refused, so a typo such as 850 on a 0-100 sheet cannot win.
    """

    criteria: Mapping[tuple[str, str], float] = field(default_factory=dict)
    stages: Mapping[str, float] = field(default_factory=dict)
    stage_order: tuple[str, ...] = ()
    ranges: Mapping[tuple[str, str], tuple[float, float]] = field(default_factory=dict)


class WeightProblem(NamedTuple):
    """A mismatch between the weights and the criteria/stages actually scored.

    ``kind`` is ``"unknown_criterion"`` (weighted but never scored in that
    stage), ``"unweighted_criterion"`` (scored but given no weight) or
    ``"unknown_stage"`` (a stage weight for a stage with no scores).
    """

    kind: str
    stage: str
    criterion: str

    def message(self) -> str:
        where = f" in stage '{self.stage}'" if self.stage else ""
        if self.kind == "unknown_criterion":
            return f"unknown criterion '{self.criterion}'{where}: no score uses it"
        if self.kind == "unweighted_criterion":
            return f"criterion '{self.criterion}'{where} has no weight"
        return f"unknown stage '{self.stage}': no score uses it"


@dataclass(frozen=True)
class Sheets:
    """The complete sheets of one stage as parallel arrays, one item per sheet.

    Invariant: sheets are sorted by entry then juror, so each entry's sheets are
    contiguous (the vectorised group operations rely on it), and every entry in
    ``entries`` and juror in ``jurors`` has at least one sheet.
    """

    stage: str
    entries: tuple[str, ...]
    jurors: tuple[str, ...]
    entry_index: np.ndarray
    juror_index: np.ndarray
    total: np.ndarray

    @property
    def sheets_per_entry(self) -> np.ndarray:
        return np.bincount(self.entry_index, minlength=len(self.entries))

    @property
    def entry_starts(self) -> np.ndarray:
        """Index of each entry's first sheet (sheets are grouped by entry)."""
        counts = self.sheets_per_entry
        return np.concatenate(([0], np.cumsum(counts)[:-1]))


@dataclass(frozen=True)
class SheetSet:
    """All stages' complete sheets, in stage order, with the warnings raised."""

    stages: dict[str, Sheets]
    stage_order: tuple[str, ...]
    stage_weights: dict[str, float]
    warnings: list[str]


@dataclass(frozen=True)
class Aggregate:
    """Per-entry scores of one stage by one method.

    ``method`` is the method used.  ``leniency`` is per juror (aligned with ``Sheets.jurors``)
    for the additive model and ``None`` otherwise.  ``sheet_values`` are the
    per-sheet values the resampling bootstrap draws from (z-scores for
    ``zscore``, totals otherwise); ``fit`` is kept for the residual bootstrap.
    """

    method: str
    scores: np.ndarray
    leniency: np.ndarray | None
    sheet_values: np.ndarray
    fit: AdditiveFit | None
    warnings: list[str]


def weight_problems(
    weights: WeightScheme, scored: Mapping[str, set[str]]
) -> list[WeightProblem]:
    """List every mismatch between ``weights`` and the criteria scored per stage.

    ``scored`` maps each stage to the set of criteria that appear in its scores.
    Kept separate from :func:`build_sheets` so the CSV reader can point at the
    offending line.
    """
    problems: list[WeightProblem] = []
    all_criteria = set().union(*scored.values()) if scored else set()
    for stage, criterion in weights.criteria:
        known = all_criteria if stage == ALL_STAGES else scored.get(stage, set())
        if criterion not in known:
            problems.append(WeightProblem("unknown_criterion", stage, criterion))
    for stage in weights.stages:
        if stage not in scored:
            problems.append(WeightProblem("unknown_stage", stage, ""))
    for stage, criteria in scored.items():
        weighted = _stage_criterion_weights(weights, stage, criteria)
        if weighted is None:
            continue
        for criterion in sorted(criteria - set(weighted)):
            problems.append(WeightProblem("unweighted_criterion", stage, criterion))
    return problems


def _stage_criterion_weights(
    weights: WeightScheme, stage: str, scored: set[str]
) -> dict[str, float] | None:
    """Weights that apply to ``stage``, or ``None`` when it uses equal weights."""
    own = {c: w for (s, c), w in weights.criteria.items() if s == stage}
    if own:
        return own
    generic = {
        c: w for (s, c), w in weights.criteria.items() if s == ALL_STAGES and c in scored
    }
    return generic or None


def build_sheets(rows: Iterable[ScoreRow], weights: WeightScheme | None = None) -> SheetSet:
    """Group score rows into sheets and compute each complete sheet's total.

    Raises :class:`ScoreDataError` on unusable data (no rows, non-finite or
    duplicate scores, weights that do not match the criteria).  Incomplete
    sheets and entries left without any complete sheet become warnings.
    """
    weights = weights or WeightScheme()
    rows = list(rows)
    if not rows:
        raise ScoreDataError("no scores")
    stage_of_row = np.array([r.stage for r in rows], dtype=object).astype(str)
    scored: dict[str, set[str]] = {}
    for row in rows:
        scored.setdefault(row.stage, set()).add(row.criterion)
    problems = weight_problems(weights, scored)
    if problems:
        raise ScoreDataError(problems[0].message(), problems[0])
    _check_ranges(rows, weights.ranges)

    order = _stage_order(weights.stage_order, stage_of_row)
    warnings: list[str] = []
    stages: dict[str, Sheets] = {}
    for stage in order:
        members = [rows[i] for i in np.flatnonzero(stage_of_row == stage)]
        stage_weights = _stage_criterion_weights(weights, stage, scored[stage])
        stages[stage] = _stage_sheets(stage, members, stage_weights, warnings)
    stage_weights = {s: float(weights.stages.get(s, 1.0)) for s in order}
    if any(w < 0 or not np.isfinite(w) for w in stage_weights.values()):
        raise ScoreDataError("stage weights must be finite and non-negative")
    return SheetSet(stages, order, stage_weights, warnings)


def _check_ranges(rows: list[ScoreRow], ranges: Mapping[tuple[str, str], tuple[float, float]]) -> None:
    """Refuse the first score outside its criterion's declared range."""
    if not ranges:
        return
    for row in rows:
        bounds = ranges.get((row.stage, row.criterion)) or ranges.get((ALL_STAGES, row.criterion))
        if bounds is not None and not bounds[0] <= row.score <= bounds[1]:
            raise ScoreDataError(
                f"score {row.score:g} of entry '{row.entry}', juror '{row.juror}', criterion "
                f"'{row.criterion}'{_in_stage(row.stage)} is outside its range {bounds[0]:g} to {bounds[1]:g}"
            )


def _stage_order(declared: Sequence[str], stage_of_row: np.ndarray) -> tuple[str, ...]:
    """Declared stages first (those with scores), then the rest by first appearance."""
    names, first = np.unique(stage_of_row, return_index=True)
    seen = [str(s) for s in names[np.argsort(first)]]
    listed = [s for s in declared if s in seen]
    return tuple(listed + [s for s in seen if s not in listed])


def _stage_sheets(
    stage: str,
    rows: list[ScoreRow],
    criterion_weights: dict[str, float] | None,
    warnings: list[str],
) -> Sheets:
    """Pivot one stage's rows into a sheet × criterion matrix and total it."""
    entry_names, entry_code = np.unique([r.entry for r in rows], return_inverse=True)
    juror_names, juror_code = np.unique([r.juror for r in rows], return_inverse=True)
    crit_names, crit_code = np.unique([r.criterion for r in rows], return_inverse=True)
    score = np.array([r.score for r in rows], dtype=float)
    if not np.all(np.isfinite(score)):
        raise ScoreDataError(f"non-finite score in stage '{stage}'" if stage else "non-finite score")

    sheet_key = entry_code * len(juror_names) + juror_code
    sheet_keys, sheet_code = np.unique(sheet_key, return_inverse=True)
    cell = sheet_code * len(crit_names) + crit_code
    if np.unique(cell).size != cell.size:
        raise ScoreDataError("duplicate score for the same entry, juror and criterion")
    grid = np.full((sheet_keys.size, len(crit_names)), np.nan)
    grid[sheet_code, crit_code] = score

    weight = _weight_vector(crit_names, criterion_weights, stage)
    required = weight > 0
    missing = np.isnan(grid[:, required])
    complete = ~missing.any(axis=1)
    sheet_entry = sheet_keys // len(juror_names)
    sheet_juror = sheet_keys % len(juror_names)
    for s in np.flatnonzero(~complete):
        lacking = ", ".join(crit_names[required][missing[s]])
        warnings.append(Notice(
            f"incomplete sheet: entry '{entry_names[sheet_entry[s]]}', juror "
            f"'{juror_names[sheet_juror[s]]}'{_in_stage(stage)} lacks {lacking}; "
            "excluded (not scored as zero)",
            "incomplete_sheet", entry=str(entry_names[sheet_entry[s]]), juror=str(juror_names[sheet_juror[s]]),
            stage=stage, criteria=[str(c) for c in crit_names[required][missing[s]]],
        ))
    total = grid[complete][:, required] @ weight[required]

    kept_entries = np.unique(sheet_entry[complete])
    for e in np.setdiff1d(np.arange(len(entry_names)), kept_entries):
        warnings.append(Notice(
            f"entry '{entry_names[e]}' has no complete sheet{_in_stage(stage)}; it is not ranked there",
            "no_complete_sheet", entry=str(entry_names[e]), stage=stage,
        ))
    kept_jurors = np.unique(sheet_juror[complete])
    return Sheets(
        stage=stage,
        entries=tuple(str(e) for e in entry_names[kept_entries]),
        jurors=tuple(str(j) for j in juror_names[kept_jurors]),
        entry_index=np.searchsorted(kept_entries, sheet_entry[complete]),
        juror_index=np.searchsorted(kept_jurors, sheet_juror[complete]),
        total=total,
    )


def _weight_vector(
    criteria: np.ndarray, weights: dict[str, float] | None, stage: str
) -> np.ndarray:
    """Normalised weights aligned with ``criteria`` (equal when none are given)."""
    raw = np.array(
        [1.0 if weights is None else float(weights.get(str(c), 0.0)) for c in criteria]
    )
    if np.any(raw < 0) or not np.all(np.isfinite(raw)) or raw.sum() <= 0:
        raise ScoreDataError(
            f"criterion weights{_in_stage(stage)} must be non-negative with a positive sum"
        )
    return raw / raw.sum()


def _in_stage(stage: str) -> str:
    return f" in stage '{stage}'" if stage else ""


# --- per-entry aggregation -------------------------------------------------


def aggregate(sheets: Sheets, method: str) -> Aggregate:
    """Score every entry of one stage with ``method`` (one of :data:`METHODS`)."""
    if method not in METHODS:
        raise ValueError(f"unknown method '{method}'; choose from {', '.join(METHODS)}")
    if method == "additive":
        return _aggregate_additive(sheets)
    values, warnings = (
        juror_zscores(sheets) if method == "zscore" else (sheets.total, [])
    )
    reducer = _REDUCERS["mean" if method == "zscore" else method]
    scores = reducer(values[:, None], sheets)[:, 0]
    return Aggregate(method, scores, None, values, None, warnings)


def juror_zscores(sheets: Sheets) -> tuple[np.ndarray, list[str]]:
    """Standardise each sheet total by its juror's mean and SD (ddof=1).

    A juror with one sheet or a zero SD carries no information about scale; their
    sheets get z = 0 (the juror's average) and a warning, rather than a division
    by zero.
    """
    j, y = sheets.juror_index, sheets.total
    n = np.bincount(j, minlength=len(sheets.jurors))
    mean = np.bincount(j, weights=y, minlength=n.size) / n
    ss = np.bincount(j, weights=(y - mean[j]) ** 2, minlength=n.size)
    sd = np.sqrt(ss / np.maximum(n - 1, 1))
    flat = (n < 2) | (sd <= 1e-12 * np.maximum(1.0, np.abs(mean)))
    warnings = [
        Notice(
            f"juror '{sheets.jurors[k]}'{_in_stage(sheets.stage)} has "
            f"{'a single sheet' if n[k] < 2 else 'zero spread'}; z-scores set to 0",
            "zscore_single_sheet" if n[k] < 2 else "zscore_zero_spread", juror=str(sheets.jurors[k]), stage=sheets.stage,
        )
        for k in np.flatnonzero(flat)
    ]
    safe_sd = np.where(flat, 1.0, sd)
    z = np.where(flat[j], 0.0, (y - mean[j]) / safe_sd[j])
    return z, warnings


def trim_count(n_sheets: int) -> int:
    """Sheets dropped at *each* end by the ``trimmed`` method.

    ``max(1, floor(0.2 n))`` once an entry has 3 or more sheets, else 0: three
    sheets keep the middle one, five keep three, ten keep six.  (``scipy``'s
    ``trim_mean(x, 0.2)`` would trim nothing at n = 3, the common case here.)
    """
    return max(1, int(0.2 * n_sheets)) if n_sheets >= 3 else 0


def _group_mean(values: np.ndarray, sheets: Sheets) -> np.ndarray:
    """Per-entry mean of ``values`` (sheets × replicates)."""
    sums = np.add.reduceat(values, sheets.entry_starts, axis=0)
    return sums / sheets.sheets_per_entry[:, None]


def _group_sorted_stat(
    values: np.ndarray, sheets: Sheets, stat: Callable[[np.ndarray, int], np.ndarray]
) -> np.ndarray:
    """Apply an order statistic per entry, vectorised over entries of equal size.

    Entries have few distinct sheet counts (usually one), so looping over those
    counts keeps everything else in numpy.
    """
    counts, starts = sheets.sheets_per_entry, sheets.entry_starts
    out = np.empty((counts.size, values.shape[1]))
    for m in np.unique(counts):
        groups = np.flatnonzero(counts == m)
        block = np.sort(values[starts[groups][:, None] + np.arange(m)], axis=1)
        out[groups] = stat(block, int(m))
    return out


def _median_of_sorted(block: np.ndarray, m: int) -> np.ndarray:
    return 0.5 * (block[:, (m - 1) // 2] + block[:, m // 2])


def _trimmed_of_sorted(block: np.ndarray, m: int) -> np.ndarray:
    g = trim_count(m)
    return block[:, g : m - g].mean(axis=1)


_REDUCERS: dict[str, Callable[[np.ndarray, Sheets], np.ndarray]] = {
    "mean": _group_mean,
    "median": lambda v, s: _group_sorted_stat(v, s, _median_of_sorted),
    "trimmed": lambda v, s: _group_sorted_stat(v, s, _trimmed_of_sorted),
}


def _aggregate_additive(sheets: Sheets) -> Aggregate:
    """Additive model, fitted whatever the design.

    With jurors random, a disconnected design or one without repeated ratings
    is still estimable: leniency the data cannot see is shrunk to 0, so an
    isolated panel is compared on its raw level.  No global fallback to the
    mean: one stray sheet must not switch the correction off for everyone
    (the ranking reports the design's components and names isolated entries).
    """
    fit = fit_additive(
        sheets.entry_index, sheets.juror_index, sheets.total, len(sheets.entries), len(sheets.jurors)
    )
    return Aggregate("additive", fit.quality, fit.leniency, sheets.total, fit, [])


# --- bootstrap replicates --------------------------------------------------


def replicate_scores(
    sheets: Sheets, result: Aggregate, rng: np.random.Generator, n_replicates: int
) -> np.ndarray:
    """Bootstrap replicates of the per-entry scores, shape (entries, n_replicates).

    The additive model uses a fixed-design residual bootstrap that reuses the
    fit's factorisation; the other methods resample each entry's sheets with
    replacement.  Both are vectorised over the ``n_replicates`` columns; callers
    pass blocks of ~100 to bound memory.
    """
    if result.fit is not None:
        return result.fit.replicate(rng, n_replicates)
    counts = sheets.sheets_per_entry
    starts = sheets.entry_starts
    per_sheet = counts[sheets.entry_index]
    offset = (rng.random((sheets.total.size, n_replicates)) * per_sheet[:, None]).astype(np.int64)
    drawn = result.sheet_values[starts[sheets.entry_index][:, None] + offset]
    reducer = _REDUCERS["mean" if result.method == "zscore" else result.method]
    return reducer(drawn, sheets)
