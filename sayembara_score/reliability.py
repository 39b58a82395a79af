"""Inter-rater reliability of jury scores, and jurors who disagree with the rest.

Which coefficient applies depends on the design (scoring notes §3.1):

* Shrout–Fleiss ICCs need every juror to rate every entry (a *complete*
  design: regency rounds, final panels).  ICC(1,1) and ICC(1,k) are one-way
  (each entry rated by its own set of jurors), so a *balanced one-way* design
  with the same number k >= 2 of ratings per entry is enough for them; this is
  the national design (3 of 300 jurors per entry).  Otherwise the ICCs are
  ``None`` rather than a number from the wrong model.
* Krippendorff's alpha (interval) accepts any pattern of missing ratings and is
  computed in closed form in O(N), never through an N × N pair matrix.
* Kendall's W is defined for complete panels only (``None`` otherwise).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.stats import rankdata

from sayembara_score.aggregation import ScoreRow, WeightScheme, build_sheets

OUTLIER_Z = 3.0
"""A juror is an outlier when the robust z of their RMS deviation exceeds this."""
MAD_TO_SD = 1.4826
"""Scales a median absolute deviation to a normal standard deviation."""
MIN_JURORS_FOR_OUTLIERS = 5
"""Below this many comparable jurors nobody is flagged: the panel is too small
to say who is unusual."""


@dataclass(frozen=True)
class JurorDeviation:
    """How far a juror's scores sit from the other jurors' consensus.

    ``rms`` is the root mean square of (juror's score − mean of the other jurors
    on the same entry), in score points, over entries with >= 2 ratings.
    ``deviation`` standardises ``rms`` across jurors robustly:
    (rms − median) / (1.4826 · MAD) when >= 5 jurors are comparable, else the
    classic (rms − mean) / SD.  ``outlier`` is ``deviation > 3`` with >= 5
    comparable jurors: only unusually *large* disagreement is flagged.
    ``None`` when the juror never shares an entry with another juror.
    """

    juror: str
    n_ratings: int
    rms: float | None
    deviation: float | None
    outlier: bool


@dataclass(frozen=True)
class ReliabilityReport:
    """Reliability coefficients of one set of ratings (see module docstring)."""

    n_entries: int
    n_jurors: int
    n_ratings: int
    design: str  # "complete", "balanced one-way" or "incomplete"
    icc: dict[str, float | None]
    krippendorff_alpha: float | None
    kendall_w: float | None
    jurors: list[JurorDeviation]

    def to_json(self) -> dict:
        return {
            "n_entries": self.n_entries,
            "n_jurors": self.n_jurors,
            "icc": {k: _finite(v) for k, v in self.icc.items()},
            "krippendorff_alpha": _finite(self.krippendorff_alpha),
            "kendall_w": _finite(self.kendall_w),
            "jurors": [
                {"juror": j.juror, "deviation": _finite(j.deviation), "outlier": j.outlier} for j in self.jurors
            ],
        }


def _finite(value: float | None) -> float | None:
    """JSON has no NaN or Infinity (strict parsers and PostgreSQL reject them): those become null."""
    return None if value is None or not np.isfinite(value) else float(value)


ICC_NAMES = ("ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k")


def icc_complete(matrix: np.ndarray) -> dict[str, float | None]:
    """The six Shrout–Fleiss (1979) ICCs of an entries × jurors matrix without gaps.

    Mean squares: BMS between entries, WMS within entries, JMS between jurors,
    EMS residual.  A zero denominator (no variance at all) gives ``None``.
    """
    x = np.asarray(matrix, dtype=float)
    n, k = x.shape
    if n < 2 or k < 2:
        return dict.fromkeys(ICC_NAMES)
    grand = x.mean()
    ss_rows = k * np.sum((x.mean(axis=1) - grand) ** 2)
    ss_cols = n * np.sum((x.mean(axis=0) - grand) ** 2)
    ss_total = np.sum((x - grand) ** 2)
    bms = ss_rows / (n - 1)
    wms = (ss_total - ss_rows) / (n * (k - 1))
    jms = ss_cols / (k - 1)
    ems = (ss_total - ss_rows - ss_cols) / ((n - 1) * (k - 1))
    return {
        "ICC1": _ratio(bms - wms, bms + (k - 1) * wms),
        "ICC2": _ratio(bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n),
        "ICC3": _ratio(bms - ems, bms + (k - 1) * ems),
        "ICC1k": _ratio(bms - wms, bms),
        "ICC2k": _ratio(bms - ems, bms + (jms - ems) / n),
        "ICC3k": _ratio(bms - ems, bms),
    }


def icc_oneway(unit_index: np.ndarray, values: np.ndarray) -> tuple[float | None, float | None]:
    """ICC(1,1) and ICC(1,k) for a balanced one-way design (k ratings per unit).

    Returns ``(None, None)`` when units have different numbers of ratings or
    fewer than two.
    """
    values = np.asarray(values, dtype=float)
    counts_all = np.bincount(unit_index)
    rated = counts_all > 0
    counts = counts_all[rated]
    if counts.size < 2 or counts.min() != counts.max() or counts[0] < 2:
        return None, None
    k, n = int(counts[0]), counts.size
    unit_mean = np.bincount(unit_index, weights=values) / np.maximum(counts_all, 1)
    bms = k * np.sum((unit_mean[rated] - values.mean()) ** 2) / (n - 1)
    wms = np.sum((values - unit_mean[unit_index]) ** 2) / (n * (k - 1))
    return _ratio(bms - wms, bms + (k - 1) * wms), _ratio(bms - wms, bms)


def krippendorff_alpha_interval(unit_index: np.ndarray, values: np.ndarray) -> float | None:
    """Krippendorff's alpha, interval metric, for any pattern of missing ratings.

    Closed form over pairable units (m_u >= 2), with n = Σ m_u:
    alpha = 1 − (n − 1) Σ_u [m_u SS_u / (m_u − 1)] / (n · SS_total).
    It equals the coincidence-matrix definition but costs O(N).
    """
    unit, y = _pairable(unit_index, np.asarray(values, dtype=float))
    if y.size < 2:
        return None
    m = np.bincount(unit)
    unit_mean = np.bincount(unit, weights=y) / np.maximum(m, 1)
    ss_unit = np.bincount(unit, weights=(y - unit_mean[unit]) ** 2)
    ss_total = np.sum((y - y.mean()) ** 2)
    if ss_total <= 0:
        return None
    n = y.size
    used = m >= 2
    observed = np.sum(m[used] * ss_unit[used] / (m[used] - 1))
    return float(1.0 - (n - 1) * observed / (n * ss_total))


def krippendorff_alpha_nominal(unit_index: np.ndarray, values: np.ndarray) -> float | None:
    """Krippendorff's alpha, nominal metric, in O(N) via value counts per unit."""
    unit, y = _pairable(unit_index, np.asarray(values))
    if y.size < 2:
        return None
    _, code = np.unique(y, return_inverse=True)
    n_values = code.max() + 1
    m = np.bincount(unit)
    cell = np.bincount(unit * n_values + code, minlength=m.size * n_values).reshape(m.size, n_values)
    used = m >= 2
    n = y.size
    observed = np.sum((cell[used] * (m[used, None] - cell[used])).sum(axis=1) / (m[used] - 1)) / n
    totals = cell.sum(axis=0)
    expected = np.sum(totals * (n - totals)) / (n * (n - 1))
    if expected <= 0:
        return None
    return float(1.0 - observed / expected)


def _pairable(unit_index: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Keep ratings of units rated at least twice; renumber those units 0..U-1."""
    unit_index = np.asarray(unit_index, dtype=np.int64)
    counts = np.bincount(unit_index)
    keep = counts[unit_index] >= 2
    _, unit = np.unique(unit_index[keep], return_inverse=True)
    return unit, values[keep]


def kendall_w(matrix: np.ndarray) -> float | None:
    """Kendall's W of an entries × jurors complete matrix, tie-corrected.

    Each juror's scores become ranks (ties get average ranks); then
    W = 12 S / (m² (n³ − n) − m Σ T_j) with T_j = Σ (t³ − t) over juror j's tie
    groups.  Equals Friedman's chi² / (m (n − 1)).
    """
    x = np.asarray(matrix, dtype=float)
    n, m = x.shape
    if n < 2 or m < 2:
        return None
    ranks = rankdata(x, axis=0)
    rank_sums = ranks.sum(axis=1)
    s = np.sum((rank_sums - rank_sums.mean()) ** 2)
    ties = sum(_tie_term(x[:, j]) for j in range(m))
    denominator = m**2 * (n**3 - n) - m * ties
    return _ratio(12.0 * s, denominator)


def _tie_term(column: np.ndarray) -> float:
    _, t = np.unique(column, return_counts=True)
    return float(np.sum(t**3 - t))


def juror_deviations(
    unit_index: np.ndarray, juror_index: np.ndarray, values: np.ndarray, jurors: Sequence[str]
) -> list[JurorDeviation]:
    """Each juror's RMS deviation from the leave-one-out consensus, standardised.

    The consensus for a rating is the mean of the *other* ratings of the same
    unit, so a juror does not pull the consensus towards themself.
    """
    y = np.asarray(values, dtype=float)
    m = np.bincount(unit_index)
    total = np.bincount(unit_index, weights=y)
    shared = m[unit_index] >= 2
    others = (total[unit_index] - y) / np.maximum(m[unit_index] - 1, 1)
    sq = np.where(shared, (y - others) ** 2, 0.0)
    n_shared = np.bincount(juror_index, weights=shared, minlength=len(jurors))
    n_all = np.bincount(juror_index, minlength=len(jurors))
    with np.errstate(invalid="ignore", divide="ignore"):
        rms = np.sqrt(np.bincount(juror_index, weights=sq, minlength=len(jurors)) / n_shared)
    z = _robust_z(rms)
    comparable = int(np.sum(~np.isnan(rms)))
    return [
        JurorDeviation(
            juror=str(name),
            n_ratings=int(n_all[k]),
            rms=None if np.isnan(rms[k]) else float(rms[k]),
            deviation=None if np.isnan(z[k]) else float(z[k]),
            outlier=bool(z[k] > OUTLIER_Z) and comparable >= MIN_JURORS_FOR_OUTLIERS,
        )
        for k, name in enumerate(jurors)
    ]


def _robust_z(x: np.ndarray) -> np.ndarray:
    """Standardise across jurors: (x − median) / (1.4826 MAD) with >= 5 values.

    Fewer values make the MAD meaningless (three numbers can have a MAD of
    almost 0), so small panels use the classic (x − mean) / SD; a scale of 0
    gives z = 0.
    """
    known = x[~np.isnan(x)]
    if known.size == 0:
        return np.full(x.shape, np.nan)
    if known.size >= MIN_JURORS_FOR_OUTLIERS:
        centre = np.median(known)
        scale = MAD_TO_SD * np.median(np.abs(known - centre))
    else:
        centre = known.mean()
        scale = known.std(ddof=1) if known.size > 1 else 0.0
    if scale <= 1e-12 * max(1.0, abs(centre)):
        return np.where(np.isnan(x), np.nan, 0.0)
    return (x - centre) / scale


def reliability(
    units: Sequence[str], jurors: Sequence[str], values: Sequence[float]
) -> ReliabilityReport:
    """All coefficients for long-format ratings: one (unit, juror, value) per rating.

    A unit is what is being rated (an entry, or an entry in a stage).  A juror
    may rate a unit only once.
    """
    unit_names, unit_index = np.unique(np.asarray(units, dtype=str), return_inverse=True)
    juror_names, juror_index = np.unique(np.asarray(jurors, dtype=str), return_inverse=True)
    y = np.asarray(values, dtype=float)
    if y.size == 0:
        raise ValueError("no ratings")
    n_u, n_j = unit_names.size, juror_names.size
    cell = unit_index * n_j + juror_index
    if np.unique(cell).size != cell.size:
        raise ValueError("a juror rated the same entry twice")

    complete = y.size == n_u * n_j
    matrix = None
    if complete:
        matrix = np.empty((n_u, n_j))
        matrix[unit_index, juror_index] = y
        icc = icc_complete(matrix)
        design = "complete"
    else:
        icc1, icc1k = icc_oneway(unit_index, y)
        icc = dict.fromkeys(ICC_NAMES) | {"ICC1": icc1, "ICC1k": icc1k}
        design = "balanced one-way" if icc1 is not None else "incomplete"
    return ReliabilityReport(
        n_entries=n_u,
        n_jurors=n_j,
        n_ratings=y.size,
        design=design,
        icc=icc,
        krippendorff_alpha=krippendorff_alpha_interval(unit_index, y),
        kendall_w=kendall_w(matrix) if matrix is not None else None,
        jurors=juror_deviations(unit_index, juror_index, y, juror_names),
    )


def reliability_from_scores(
    rows: Iterable[ScoreRow], weights: WeightScheme | None = None
) -> tuple[ReliabilityReport, list[str]]:
    """Reliability of the complete sheets' weighted totals, plus sheet warnings.

    Each (entry, stage) is one unit: a juror scoring an entry again in a later
    stage is rating a different performance.
    """
    sheet_set = build_sheets(rows, weights)
    units: list[np.ndarray] = []
    jurors: list[np.ndarray] = []
    totals: list[np.ndarray] = []
    for stage in sheet_set.stage_order:
        sheets = sheet_set.stages[stage]
        entry_names = np.asarray(sheets.entries, dtype=object)
        units.append(entry_names[sheets.entry_index] + ("\x1f" + stage if stage else ""))
        jurors.append(np.asarray(sheets.jurors, dtype=object)[sheets.juror_index])
        totals.append(sheets.total)
    report = reliability(
        np.concatenate(units).astype(str), np.concatenate(jurors).astype(str), np.concatenate(totals)
    )
    return report, list(sheet_set.warnings)


def _ratio(numerator: float, denominator: float) -> float | None:
    if not np.isfinite(denominator) or abs(denominator) <= 1e-15:
        return None
    return float(numerator / denominator)
