"""Rank entries, with calibrated rank uncertainty, statistical ties and tie-breaks.

Uncertainty (``uncertainty="posterior"``, the default): rank intervals,
``p_top`` and tie flags come from the ranks of draws from the posterior of the
entries' true qualities under the additive model with entries random too
(empirical Bayes; see :mod:`sayembara_score.posterior`), whatever the declared
method; the point ranking is the declared method's.  ``"bootstrap"`` keeps the
former resampling bootstrap, which is overconfident at the top of the table.

Ordering rule across stages: entries are ordered first by the furthest stage
they reached, then by the weighted combination of the stages they have, with
the stage weights renormalised over those stages.  An entry eliminated in the
first round can therefore never outrank a finalist, and a finalist is judged on
all the evidence about it.

Tie rule (pre-registered; see docs/cli.md): with a prize boundary after
position ``top``, an entry is flagged ``tie`` when

1. its 95 % rank interval contains positions on both sides of the
   boundary (``rank_low <= top < rank_high``), or
2. it is the last entry inside or the first outside the boundary and the
   inside one beats the outside one in fewer than ``tie_threshold`` (0.8) of
   the draws, or
3. its exact score tie group (after tie-break keys) straddles the boundary.

A flagged tie is for organisers to settle with the pre-declared tie-break rule;
the system does not reorder statistically tied entries by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import threadpool_limits

from sayembara_score.additive import component_labels
from sayembara_score.aggregation import (
    METHODS,
    Notice,
    ScoreDataError,
    ScoreRow,
    Sheets,
    SheetSet,
    WeightScheme,
    aggregate,
    build_sheets,
    replicate_scores,
)
from sayembara_score.posterior import fit_posterior, group_sizes, posterior_blocks

UNCERTAINTY: tuple[str, ...] = ("posterior", "bootstrap")
"""How rank intervals are made: posterior draws (calibrated) or the resampling bootstrap."""
DEFAULT_DRAWS = 4000
"""Fewest draws chosen automatically (``bootstrap=None``)."""
MAX_DRAWS = 20000
"""Most draws chosen automatically."""
DRAW_BUDGET = 20_000_000
"""Automatic draws = DRAW_BUDGET / entries, within [DEFAULT_DRAWS, MAX_DRAWS]:
20,000 draws for a 100-entry contest (interval ends within 1 rank between
seeds), 4,000 at 5,000 entries (about 2.5 s).  See bench/bench_calibration.py."""
DEFAULT_BOOTSTRAP = None  # the keyword is still called ``bootstrap``; None = automatic


def default_draws(n_entries: int) -> int:
    """Number of draws used when the caller does not choose one."""
    return int(np.clip(DRAW_BUDGET // max(n_entries, 1), DEFAULT_DRAWS, MAX_DRAWS))
MC_GROUPS = 8
"""Independent hypercubes the draws are split into; their spread is the
reported Monte Carlo error."""
ISOLATED_NAMED = 20
"""Isolated entries named in the warning before "and N more"."""
DEFAULT_SEED = 0
DEFAULT_TOP = 3
TIE_THRESHOLD = 0.8
BLOCK_SIZE = 100
"""Replicates generated and ranked together: big enough to amortise numpy
overhead, small enough to keep the buffers (sheets × block) in cache-friendly
tens of megabytes."""
SCORE_DECIMALS = 9
"""Scores equal to this many decimals count as exactly tied (float sums of
the same numbers in another order can differ in the last bit)."""


@dataclass(frozen=True)
class EntryRank:
    """One entry's place.  Interval and probabilities are ``None`` without draws.

    ``stage`` is the furthest stage reached; ``p_beats_next`` is the share of
    draws in which this entry ranks strictly above the next entry in the list.
    """

    entry: str
    score: float
    rank: int
    rank_low: int | None
    rank_high: int | None
    p_top: float | None
    tie: bool
    stage: str
    p_beats_next: float | None

    def to_json(self) -> dict:
        return {
            "entry": self.entry,
            "score": _finite(self.score),
            "rank": self.rank,
            "rank_low": self.rank_low,
            "rank_high": self.rank_high,
            "p_top": _finite(self.p_top),
            "tie": self.tie,
        }


@dataclass(frozen=True)
class JurorLeniency:
    """A juror's estimated leniency in score points (``None`` if not estimated)."""

    juror: str
    stage: str
    leniency: float | None


@dataclass(frozen=True)
class DesignComponent:
    """One connected group of the entry–juror design of a stage.

    Entries in different components share no chain of jurors, so leniency
    cannot be told apart from quality between them.  ``main`` marks the
    largest component of the stage (most entries, then most sheets).
    """

    stage: str
    entries: tuple[str, ...]
    jurors: tuple[str, ...]
    sheets: int
    main: bool

    def to_json(self) -> dict:
        counts = {"stage": self.stage, "entries": len(self.entries), "jurors": len(self.jurors), "sheets": self.sheets}
        if self.main:
            return counts | {"main": True}
        return counts | {"main": False, "entry_ids": list(self.entries), "juror_ids": list(self.jurors)}


@dataclass(frozen=True)
class MonteCarloError:
    """Monte Carlo standard errors of the summaries, the largest over entries.

    Estimated from the spread between :data:`MC_GROUPS` independent groups of
    draws; ``rank_end`` is in ranks, ``p_top`` in probability.
    """

    draws: int
    groups: int
    rank_end: float
    p_top: float

    def to_json(self) -> dict:
        return {"draws": self.draws, "groups": self.groups, "rank_end": _finite(self.rank_end), "p_top": _finite(self.p_top)}


@dataclass(frozen=True)
class Ranking:
    """Result of :func:`rank`; ``entries`` are sorted by rank, then entry id.

    ``bootstrap`` is the number of draws (posterior or bootstrap, see
    ``uncertainty``); ``components`` lists each stage's design components;
    ``mc_error`` is ``None`` without draws or with too few to split in groups.
    """

    method: str
    top: int
    bootstrap: int
    seed: int | None
    entries: list[EntryRank]
    jurors: list[JurorLeniency]
    warnings: list[str]
    uncertainty: str = "posterior"
    components: list[DesignComponent] = field(default_factory=list)
    mc_error: MonteCarloError | None = None

    @property
    def isolated_entries(self) -> list[str]:
        """Entries outside their stage's main design component, sorted."""
        return sorted({e for c in self.components if not c.main for e in c.entries})

    def to_json(self) -> dict:
        multi_stage = len({j.stage for j in self.jurors}) > 1
        return {
            "method": self.method,
            "uncertainty": self.uncertainty,
            "draws": self.bootstrap,
            "mc_error": None if self.mc_error is None else self.mc_error.to_json(),
            "entries": [e.to_json() for e in self.entries],
            "jurors": [
                {"juror": j.juror, "leniency": _finite(j.leniency)} | ({"stage": j.stage} if multi_stage else {})
                for j in self.jurors
            ],
            "design": [c.to_json() for c in self.components],
            "warnings": list(self.warnings),
        }


def _finite(value: float | None) -> float | None:
    """JSON has no NaN or Infinity (strict parsers reject them): those become null."""
    return None if value is None or not np.isfinite(value) else float(value)


@dataclass(frozen=True)
class StageScores:
    """Per-entry stage scores combined into the final ordering keys.

    ``entries`` are sorted ids; ``furthest`` is the index (in stage order) of the
    last stage each entry has a score in; ``combined`` is the renormalised
    weighted combination of the stages it has.
    """

    entries: tuple[str, ...]
    stage_order: tuple[str, ...]
    furthest: np.ndarray
    combined: np.ndarray


def combine_stages(
    stage_scores: Mapping[str, Mapping[str, float]],
    stage_order: Sequence[str],
    stage_weights: Mapping[str, float] | None = None,
) -> StageScores:
    """Combine per-stage entry scores into (furthest stage, combined score).

    ``stage_scores[stage][entry]`` is an entry's score in a stage; stages absent
    from ``stage_weights`` weigh 1.  Sort by ``(furthest, combined)`` descending
    for the final order (:func:`competition_ranks` does this).
    """
    entries = tuple(sorted({e for scores in stage_scores.values() for e in scores}))
    position = {e: i for i, e in enumerate(entries)}
    matrix = np.full((len(entries), len(stage_order)), np.nan)
    for s, stage in enumerate(stage_order):
        for entry, value in stage_scores.get(stage, {}).items():
            matrix[position[entry], s] = value
    weights = np.array([float((stage_weights or {}).get(s, 1.0)) for s in stage_order])
    present = ~np.isnan(matrix)
    return StageScores(entries, tuple(stage_order), *_furthest_and_combined(present, np.nan_to_num(matrix), weights))


def _stage_weight_matrix(present: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Per-entry stage weights renormalised over the stages the entry has.

    An entry whose stages all weigh 0 gets the plain mean of them instead.
    """
    used = present * weights
    norm = used.sum(axis=1, keepdims=True)
    count = np.maximum(present.sum(axis=1, keepdims=True), 1)
    return np.where(norm > 0, used / np.where(norm > 0, norm, 1.0), present / count)


def _furthest_and_combined(
    present: np.ndarray, values: np.ndarray, weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Furthest stage index and renormalised weighted combination per entry."""
    furthest = present.shape[1] - 1 - np.argmax(present[:, ::-1], axis=1)
    combined = (values * _stage_weight_matrix(present, weights)).sum(axis=1)
    return furthest, combined


def competition_ranks(keys: Sequence[np.ndarray]) -> np.ndarray:
    """Competition ranks ("1224") by several keys, highest first, in priority order.

    NaN counts as the worst value (e.g. a missing interview score); values are
    compared to :data:`SCORE_DECIMALS` decimals.  Entries equal on every key
    share the same rank.
    """
    columns = [
        np.nan_to_num(np.round(np.asarray(k, dtype=float), SCORE_DECIMALS), nan=-np.inf)
        for k in keys
    ]
    n = columns[0].size
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort([-c for c in reversed(columns)])
    stacked = np.column_stack(columns)[order]
    new_group = np.concatenate(([True], np.any(stacked[1:] != stacked[:-1], axis=1)))
    first_position = np.maximum.accumulate(np.where(new_group, np.arange(n), 0)) + 1
    ranks = np.empty(n, dtype=np.int64)
    ranks[order] = first_position
    return ranks


def tiebreak_ranks(scores: np.ndarray, tiebreak_keys: Sequence[np.ndarray] = ()) -> np.ndarray:
    """Ranks by score, then by each tie-break key in turn (all higher-is-better).

    E.g. keys = [interview score, innovation-criterion score, jury votes].  The
    result is deterministic; entries still equal on every key share a rank.
    """
    return competition_ranks([scores, *tiebreak_keys])


def column_ranks(values: np.ndarray, tier: np.ndarray) -> np.ndarray:
    """Competition ranks of each column of ``values`` (entries × replicates).

    Entries are ordered by ``tier`` (higher first, e.g. furthest stage), then by
    value; tiers never mix, so each tier is ranked on its own and offset.  The
    work is done on the transpose, so every sort runs over contiguous memory.
    """
    ranks = np.empty(values.shape, dtype=np.int32)
    offset = 0
    for t in np.unique(tier)[::-1]:
        members = np.flatnonzero(tier == t)
        # negated so that an ascending sort puts the best entry first
        keys = np.ascontiguousarray(-np.round(values[members], SCORE_DECIMALS).T)
        order = np.argsort(keys, axis=1)
        ordered = np.take_along_axis(keys, order, axis=1)
        new_group = np.ones(ordered.shape, dtype=bool)
        new_group[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
        position = np.where(new_group, np.arange(members.size, dtype=np.int32), 0)
        first = np.maximum.accumulate(position, axis=1) + np.int32(1 + offset)
        tier_ranks = np.empty(ordered.shape, dtype=np.int32)
        np.put_along_axis(tier_ranks, order, first, axis=1)
        ranks[members] = tier_ranks.T
        offset += members.size
    return ranks


def rank(
    scores: Iterable[ScoreRow],
    *,
    weights: WeightScheme | None = None,
    method: str = "additive",
    bootstrap: int | None = DEFAULT_BOOTSTRAP,
    seed: int | None = DEFAULT_SEED,
    top: int = DEFAULT_TOP,
    tiebreaks: Sequence[Mapping[str, float]] = (),
    tie_threshold: float = TIE_THRESHOLD,
    uncertainty: str = "posterior",
) -> Ranking:
    """Rank the entries of a competition from raw criterion scores.

    ``tiebreaks`` are per-entry mappings applied in order to exact score ties
    (missing = worst).  ``bootstrap`` is the number of draws for the rank
    intervals (0 = none, ``None`` = :func:`default_draws`), from the posterior or the resampling bootstrap as
    ``uncertainty`` says; they come from a ``numpy`` Generator seeded with
    ``seed``, so equal inputs give equal output.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method '{method}'; choose from {', '.join(METHODS)}")
    if uncertainty not in UNCERTAINTY:
        raise ValueError(f"unknown uncertainty '{uncertainty}'; choose from {', '.join(UNCERTAINTY)}")
    if (bootstrap is not None and bootstrap < 0) or top < 1:
        raise ValueError("bootstrap must be >= 0 and top >= 1")
    sheet_set = build_sheets(scores, weights)
    if bootstrap is None:
        bootstrap = default_draws(len({e for sheets in sheet_set.stages.values() for e in sheets.entries}))
    stages = _score_stages(sheet_set, method, bool(bootstrap), uncertainty)
    if not stages:
        raise ScoreDataError("no complete sheet to rank: " + "; ".join(sheet_set.warnings[:3]))
    warnings = list(sheet_set.warnings) + [w for s in stages for w in s.warnings]
    used_methods = sorted({s.method for s in stages})
    entries = tuple(sorted({e for s in stages for e in s.entries}))
    present, values, rows = _stack_stages(stages, entries)
    weights_vec = np.array([sheet_set.stage_weights[s.stage] for s in stages])
    furthest, combined = _furthest_and_combined(present, values, weights_vec)
    keys = [furthest, combined] + [
        np.array([tb.get(e, np.nan) for e in entries], dtype=float) for tb in tiebreaks
    ]
    point_rank = competition_ranks(keys)

    summary = None
    if bootstrap:
        rng = np.random.default_rng(seed)
        ranks, groups = _draw_ranks(stages, rows, present, weights_vec, furthest, bootstrap, rng)
        summary = _summarise_draws(ranks, groups, point_rank, top)
    tie = _tie_flags(point_rank, top, summary, tie_threshold)
    order = np.lexsort((np.array(entries), point_rank))
    entry_ranks = [
        _entry_rank(i, entries, combined, point_rank, furthest, sheet_set.stage_order, tie, summary)
        for i in order
    ]
    return Ranking(
        method="/".join(used_methods),
        top=top,
        bootstrap=bootstrap,
        seed=seed,
        entries=entry_ranks,
        jurors=[j for s in stages for j in s.jurors],
        warnings=warnings,
        uncertainty=uncertainty,
        components=[c for s in stages for c in s.components],
        mc_error=None if summary is None else summary.mc_error,
    )


@dataclass(frozen=True)
class _StageResult:
    stage: str
    method: str
    entries: tuple[str, ...]
    scores: np.ndarray
    sample: Callable[[np.random.Generator, int, int], Iterator[np.ndarray]] | None
    jurors: list[JurorLeniency]
    components: list[DesignComponent]
    warnings: list[str]


def _score_stages(
    sheet_set: SheetSet, method: str, with_draws: bool, uncertainty: str
) -> list[_StageResult]:
    """Aggregate each stage, check its design, and prepare its sampler of draws."""
    results = []
    for stage in sheet_set.stage_order:
        sheets = sheet_set.stages[stage]
        if not sheets.entries:
            continue
        result = aggregate(sheets, method)
        leniency = result.leniency
        jurors = [
            JurorLeniency(j, stage, None if leniency is None else float(leniency[k]))
            for k, j in enumerate(sheets.jurors)
        ]
        components = design_components(sheets)
        warnings = list(result.warnings)
        if method == "additive":
            warnings += isolation_warnings(components)
        sample = None
        if with_draws and uncertainty == "posterior":
            sample = _posterior_sampler(sheets)
        elif with_draws:
            sample = _bootstrap_sampler(sheets, result)
            single = int(np.sum(sheets.sheets_per_entry == 1))
            if single and result.fit is None:
                warnings.append(Notice(
                    f"{single} entries have a single sheet{' in stage ' + repr(stage) if stage else ''}; "
                    "resampling cannot show their rating noise, so their intervals are too narrow",
                    "single_sheet_resampling", count=single, stage=stage,
                ))
        results.append(
            _StageResult(stage, result.method, sheets.entries, result.scores, sample, jurors, components, warnings)
        )
    return results


def design_components(sheets: Sheets) -> list[DesignComponent]:
    """The connected components of one stage's entry–juror graph, largest first."""
    entry_label, juror_label = component_labels(
        sheets.entry_index, sheets.juror_index, len(sheets.entries), len(sheets.jurors)
    )
    n = int(max(entry_label.max(initial=-1), juror_label.max(initial=-1))) + 1
    n_entries = np.bincount(entry_label, minlength=n)
    n_sheets = np.bincount(entry_label[sheets.entry_index], minlength=n)
    order = sorted(range(n), key=lambda c: (-n_entries[c], -n_sheets[c], c))
    entries, jurors = np.array(sheets.entries, dtype=object), np.array(sheets.jurors, dtype=object)
    return [
        DesignComponent(
            stage=sheets.stage,
            entries=tuple(entries[entry_label == c]),
            jurors=tuple(jurors[juror_label == c]),
            sheets=int(n_sheets[c]),
            main=k == 0,
        )
        for k, c in enumerate(order)
        if n_entries[c]
    ]


def isolation_warnings(components: list[DesignComponent]) -> list[str]:
    """Name the entries whose sheets come only from jurors linked to no one else."""
    isolated = sorted(e for c in components if not c.main for e in c.entries)
    if not isolated:
        return []
    stage = components[0].stage
    named = ", ".join(f"'{e}'" for e in isolated[:ISOLATED_NAMED])
    more = f" and {len(isolated) - ISOLATED_NAMED} more" if len(isolated) > ISOLATED_NAMED else ""
    return [Notice(
        f"design{' of stage ' + repr(stage) if stage else ''} has {len(components)} separate groups; "
        f"entries {named}{more} rest on jurors who share no entry with the rest of the jury, so their "
        "jurors' leniency cannot be told from their quality (it is taken as average, and their rank "
        "intervals are wider); the other entries keep the leniency correction",
        "separate_groups", stage=stage, groups=len(components), entries=isolated,
    )]


def _posterior_sampler(sheets: Sheets):
    posterior = fit_posterior(
        sheets.entry_index, sheets.juror_index, sheets.total, len(sheets.entries), len(sheets.jurors)
    )
    return lambda rng, n, groups: posterior_blocks(posterior, rng, n, groups, BLOCK_SIZE)


def _bootstrap_sampler(sheets: Sheets, result):
    def blocks(rng: np.random.Generator, n: int, groups: int) -> Iterator[np.ndarray]:
        for size in group_sizes(n, groups):
            for start in range(0, size, BLOCK_SIZE):
                with threadpool_limits(1):
                    yield replicate_scores(sheets, result, rng, min(BLOCK_SIZE, size - start))

    return blocks


def _stack_stages(
    stages: list[_StageResult], entries: tuple[str, ...]
) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Align stage results on the global entry list (entries × stages).

    Also returns, per stage, the global row of each of its entries.
    """
    position = {e: i for i, e in enumerate(entries)}
    present = np.zeros((len(entries), len(stages)), dtype=bool)
    values = np.zeros((len(entries), len(stages)))
    rows = []
    for s, stage in enumerate(stages):
        stage_rows = np.array([position[e] for e in stage.entries], dtype=np.int64)
        present[stage_rows, s] = True
        values[stage_rows, s] = stage.scores
        rows.append(stage_rows)
    return present, values, rows


def _n_groups(n_draws: int) -> int:
    """Groups of at least 100 draws each, at most :data:`MC_GROUPS`."""
    return max(1, min(MC_GROUPS, n_draws // 100))


def _draw_ranks(
    stages: list[_StageResult],
    rows: list[np.ndarray],
    present: np.ndarray,
    weights: np.ndarray,
    furthest: np.ndarray,
    n_draws: int,
    rng: np.random.Generator,
) -> tuple[np.ndarray, list[int]]:
    """Rank every draw (entries × draws), streaming block by block.

    Stage draws are combined like the point scores, so a draw's ranking
    follows the same rule (furthest stage first).  Only the ranks are kept,
    as int16 when they fit, so memory stays at 2 bytes per entry and draw.
    """
    n_entries = present.shape[0]
    stage_weight = _stage_weight_matrix(present, weights)
    groups = group_sizes(n_draws, _n_groups(n_draws))
    ranks = np.empty((n_entries, n_draws), dtype=np.int16 if n_entries < 2**15 - 1 else np.int32)
    samplers = [s.sample(rng, n_draws, len(groups)) for s in stages]
    start = 0
    for blocks in zip(*samplers):
        width = blocks[0].shape[1]
        combined = np.zeros((n_entries, width))
        for s, block in enumerate(blocks):
            combined[rows[s]] += stage_weight[rows[s], s][:, None] * block
        ranks[:, start : start + width] = column_ranks(combined, furthest)
        start += width
    return ranks, groups


@dataclass(frozen=True)
class _Uncertainty:
    rank_low: np.ndarray
    rank_high: np.ndarray
    p_top: np.ndarray
    p_beats_next: np.ndarray  # indexed by entry; NaN for the last one
    p_boundary: float | None  # P(last inside beats first outside)
    mc_error: MonteCarloError | None


def _summarise_draws(ranks: np.ndarray, groups: list[int], point_rank: np.ndarray, top: int) -> _Uncertainty:
    """Intervals, probabilities and their Monte Carlo error from the ranked draws."""
    n_entries, n_draws = ranks.shape
    low, high = _rank_interval(ranks)
    order = np.lexsort((np.arange(n_entries), point_rank))
    beats = np.full(n_entries, np.nan)
    if n_entries > 1:
        beats[order[:-1]] = np.mean(ranks[order[:-1]] < ranks[order[1:]], axis=1)
    inside = np.flatnonzero(point_rank <= top)
    p_boundary = None
    if 0 < inside.size < n_entries:
        last_inside = order[inside.size - 1]
        p_boundary = float(np.mean(ranks[last_inside] < ranks[order[inside.size]]))
    return _Uncertainty(
        rank_low=np.minimum(low, point_rank),
        rank_high=np.maximum(high, point_rank),
        p_top=np.mean(ranks <= top, axis=1),
        p_beats_next=beats,
        p_boundary=p_boundary,
        mc_error=_mc_error(ranks, groups, top),
    )


def _mc_error(ranks: np.ndarray, groups: list[int], top: int) -> MonteCarloError | None:
    """Largest standard error of an interval end and of ``p_top``, from group spread.

    Each group is an independent sample of the same posterior, so the standard
    deviation of the group estimates over sqrt(groups) estimates the error of
    the estimate from all draws (batch means).
    """
    if len(groups) < 2:
        return None
    bounds = np.cumsum([0, *groups])
    ends, tops = [], []
    for g in range(len(groups)):
        part = ranks[:, bounds[g] : bounds[g + 1]]
        ends.append(np.column_stack(_rank_interval(part)))
        tops.append(np.mean(part <= top, axis=1))
    scale = 1.0 / np.sqrt(len(groups))
    return MonteCarloError(
        draws=int(ranks.shape[1]),
        groups=len(groups),
        rank_end=float(np.max(np.std(np.stack(ends), axis=0, ddof=1)) * scale),
        p_top=float(np.max(np.std(np.stack(tops), axis=0, ddof=1)) * scale),
    )


INTERVAL_LEVEL = 0.95
WIDTH_TOLERANCE = 1
"""Ranks by which an interval may exceed the shortest one to stay nearer the equal-tailed one."""


def _rank_interval(ranks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's 95 % rank interval: the shortest that holds 95 % of the draws.

    Why not the equal-tailed 2.5 %-97.5 % interval: near the top of the
    table an entry's rank distribution is skewed (it cannot be better than 1,
    it can be much worse), and the equal-tailed interval then leaves out the
    best places too often: the truly best entries' true rank fell outside it
    in 7.7 % of the simulated contests of ``bench/bench_calibration.py``.  The
    shortest interval moves towards the dense side.  In the middle, where
    the distribution is flat, many intervals are nearly as short; there the
    one nearest the equal-tailed interval is taken among those within
    :data:`WIDTH_TOLERANCE` of the shortest, so the ends do not jump between
    runs.

    Only the lowest and highest ~5 % of each row need sorting: a 95 % interval
    starts within the first and ends within the last of them.
    """
    n_rows, n_rep = ranks.shape
    k = int(np.ceil(INTERVAL_LEVEL * n_rep)) - 1  # the interval spans draws i..i+k of the sorted row
    m = n_rep - 1 - k  # last possible start
    part = np.partition(ranks, [m, k], axis=1) if m < k else np.sort(ranks, axis=1)
    starts = np.sort(part[:, : m + 1], axis=1).astype(np.int64)
    ends = np.sort(part[:, k:], axis=1).astype(np.int64)
    width = ends - starts  # candidate i: starts[:, i] .. ends[:, i]
    near_shortest = width <= width.min(axis=1, keepdims=True) + WIDTH_TOLERANCE
    off_centre = np.abs(np.arange(m + 1) - m / 2.0)
    choice = np.argmin(np.where(near_shortest, off_centre, np.inf), axis=1)
    rows = np.arange(n_rows)
    return starts[rows, choice], ends[rows, choice]


def _tie_flags(
    point_rank: np.ndarray, top: int, uncertainty: _Uncertainty | None, threshold: float
) -> np.ndarray:
    """Apply the three-part tie rule of the module docstring."""
    n = point_rank.size
    tie = np.zeros(n, dtype=bool)
    if n <= top:
        return tie
    order = np.lexsort((np.arange(n), point_rank))
    group_size = np.bincount(point_rank, minlength=n + 2)
    tie |= (point_rank <= top) & (point_rank + group_size[point_rank] - 1 > top)
    if uncertainty is not None:
        tie |= (uncertainty.rank_low <= top) & (uncertainty.rank_high > top)
        inside = int(np.sum(point_rank <= top))
        if uncertainty.p_boundary is not None and uncertainty.p_boundary < threshold:
            tie[order[inside - 1]] = tie[order[inside]] = True
    return tie


def _entry_rank(
    i: int,
    entries: tuple[str, ...],
    combined: np.ndarray,
    point_rank: np.ndarray,
    furthest: np.ndarray,
    stage_order: tuple[str, ...],
    tie: np.ndarray,
    uncertainty: _Uncertainty | None,
) -> EntryRank:
    def optional(values: np.ndarray | None, cast):
        if values is None or np.isnan(values[i]):
            return None
        return cast(values[i])

    u = uncertainty
    return EntryRank(
        entry=entries[i],
        score=float(combined[i]),
        rank=int(point_rank[i]),
        rank_low=None if u is None else int(u.rank_low[i]),
        rank_high=None if u is None else int(u.rank_high[i]),
        p_top=None if u is None else float(u.p_top[i]),
        tie=bool(tie[i]),
        stage=stage_order[furthest[i]],
        p_beats_next=optional(None if u is None else u.p_beats_next, float),
    )


# --- sensitivity -----------------------------------------------------------


@dataclass(frozen=True)
class SensitivityRow:
    """An entry's rank under each method (``None``: not ranked by that method)."""

    entry: str
    ranks: dict[str, int | None]


@dataclass(frozen=True)
class Sensitivity:
    """Top-N entries under each aggregation method, to see how winners move.

    ``rows`` holds every entry that is in the top ``top`` under at least one
    method, sorted by its rank under the first method.
    """

    methods: tuple[str, ...]
    top: int
    rows: list[SensitivityRow]
    warnings: list[str]


def sensitivity(
    scores: Iterable[ScoreRow],
    *,
    weights: WeightScheme | None = None,
    methods: Sequence[str] = METHODS,
    top: int = DEFAULT_TOP,
    tiebreaks: Sequence[Mapping[str, float]] = (),
) -> Sensitivity:
    """Rank with every method (no bootstrap) and tabulate the top ``top``."""
    rows = list(scores)
    per_method: dict[str, dict[str, int]] = {}
    warnings: list[str] = []
    for method in methods:
        ranking = rank(rows, weights=weights, method=method, bootstrap=0, top=top, tiebreaks=tiebreaks)
        per_method[method] = {e.entry: e.rank for e in ranking.entries}
        warnings += [f"{method}: {w}" for w in ranking.warnings]
    leaders = {e for ranks in per_method.values() for e, r in ranks.items() if r <= top}
    first = per_method[methods[0]]
    ordered = sorted(leaders, key=lambda e: (first.get(e, len(first) + 1), e))
    table = [SensitivityRow(e, {m: per_method[m].get(e) for m in methods}) for e in ordered]
    return Sensitivity(tuple(methods), top, table, warnings)
