"""Reliability coefficients against published values and brute-force definitions."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import friedmanchisquare

from sayembara_score.aggregation import ScoreRow
from sayembara_score.reliability import (
    icc_complete,
    icc_oneway,
    juror_deviations,
    kendall_w,
    krippendorff_alpha_interval,
    krippendorff_alpha_nominal,
    reliability,
    reliability_from_scores,
)

# Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges.
SHROUT_FLEISS = np.array(
    [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]], dtype=float
)
SHROUT_FLEISS_ICC = {"ICC1": 0.17, "ICC2": 0.29, "ICC3": 0.71, "ICC1k": 0.44, "ICC2k": 0.62, "ICC3k": 0.91}

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders × 12 units.
_ = np.nan
KRIPPENDORFF = np.array(
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
        [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]
)


def _long(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(unit, rater, value) of the non-missing cells of a raters × units matrix."""
    raters, units = np.nonzero(~np.isnan(matrix))
    return units, raters, matrix[raters, units]


def test_shrout_fleiss_six_iccs_match_published_values():
    icc = icc_complete(SHROUT_FLEISS)
    assert {k: round(v, 2) for k, v in icc.items()} == SHROUT_FLEISS_ICC


def test_reliability_report_on_complete_design_gives_all_iccs():
    targets, judges = np.indices(SHROUT_FLEISS.shape)
    report = reliability(
        [f"t{t}" for t in targets.ravel()], [f"j{j}" for j in judges.ravel()], SHROUT_FLEISS.ravel()
    )
    assert report.design == "complete"
    assert {k: round(v, 2) for k, v in report.icc.items()} == SHROUT_FLEISS_ICC
    assert report.kendall_w is not None


def test_krippendorff_alpha_matches_published_interval_and_nominal_values():
    units, _raters, values = _long(KRIPPENDORFF)
    assert round(krippendorff_alpha_interval(units, values), 3) == 0.849
    assert round(krippendorff_alpha_nominal(units, values), 3) == 0.743


def _alpha_by_pairs(units: np.ndarray, values: np.ndarray) -> float:
    """Krippendorff's interval alpha straight from the definition (all pairs)."""
    pairable = [u for u in np.unique(units) if np.sum(units == u) >= 2]
    observed, pooled = 0.0, []
    for u in pairable:
        v = values[units == u]
        pooled.extend(v)
        diffs = sum((a - b) ** 2 for a, b in itertools.permutations(v, 2))
        observed += diffs / (len(v) - 1)
    n = len(pooled)
    expected = sum((a - b) ** 2 for a, b in itertools.permutations(pooled, 2)) / (n - 1)
    return 1 - observed / expected


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(0, 10)), min_size=2, max_size=4),
        min_size=2,
        max_size=8,
    )
)
def test_closed_form_alpha_equals_pairwise_definition(units_values):
    units = np.array([u for u, vals in enumerate(units_values) for v in vals if v is not None], dtype=int)
    values = np.array([v for vals in units_values for v in vals if v is not None], dtype=float)
    closed = krippendorff_alpha_interval(units, values)
    counts = np.bincount(units) if units.size else np.array([])
    pooled = values[counts[units] >= 2] if units.size else values
    if pooled.size < 2 or np.ptp(pooled) == 0:
        assert closed is None
    else:
        assert closed == pytest.approx(_alpha_by_pairs(units, values), abs=1e-9)


def test_kendall_w_agrees_with_friedman_chi_square_with_ties():
    # Shrout–Fleiss judges as a panel: judge 1 has tied scores (6, 6), so the tie
    # correction matters.  Friedman: treatments = targets, blocks = judges.
    n_targets, n_judges = SHROUT_FLEISS.shape
    chi2 = friedmanchisquare(*SHROUT_FLEISS).statistic
    assert kendall_w(SHROUT_FLEISS) == pytest.approx(chi2 / (n_judges * (n_targets - 1)))


def test_kendall_w_is_one_for_identical_rankings_and_zero_for_opposed_pairs():
    agree = np.array([[1, 10, 5], [2, 20, 6], [3, 30, 7]], dtype=float)
    assert kendall_w(agree) == pytest.approx(1.0)
    opposed = np.array([[1, 3], [2, 2], [3, 1]], dtype=float)
    assert kendall_w(opposed) == pytest.approx(0.0)


def test_incomplete_design_has_no_two_way_iccs_nor_kendall_w_but_alpha():
    units, raters, values = _long(KRIPPENDORFF)
    report = reliability(units.astype(str), raters.astype(str), values)
    assert report.design == "incomplete"
    assert all(v is None for v in report.icc.values())
    assert report.kendall_w is None
    assert round(report.krippendorff_alpha, 3) == 0.849


def test_balanced_one_way_design_gives_icc1_only():
    rng = np.random.default_rng(3)
    units = np.repeat(np.arange(40), 3)
    raters = rng.integers(0, 12, units.size) * 1000 + np.arange(units.size)  # a new rater each time
    values = rng.normal(size=40)[units] + rng.normal(0, 0.5, units.size)
    report = reliability(units.astype(str), raters.astype(str), values)
    assert report.design == "balanced one-way"
    assert report.icc["ICC1"] is not None and report.icc["ICC1k"] is not None
    assert report.icc["ICC2"] is None and report.icc["ICC3k"] is None


def test_one_way_icc_equals_complete_icc1_on_a_complete_matrix():
    units, raters = np.indices(SHROUT_FLEISS.shape)
    icc1, icc1k = icc_oneway(units.ravel(), SHROUT_FLEISS.ravel())
    full = icc_complete(SHROUT_FLEISS)
    assert (icc1, icc1k) == pytest.approx((full["ICC1"], full["ICC1k"]))


def test_unbalanced_one_way_design_gives_no_icc():
    assert icc_oneway(np.array([0, 0, 1, 1, 1]), np.array([1.0, 2, 3, 4, 5])) == (None, None)


def test_planted_erratic_juror_is_flagged_as_outlier():
    rng = np.random.default_rng(11)
    n_units, n_jurors = 60, 12
    truth = rng.normal(50, 10, n_units)
    units, jurors = np.indices((n_units, n_jurors))
    noise_sd = np.where(jurors == 7, 25.0, 3.0)
    values = truth[units] + rng.normal(0, 1, units.shape) * noise_sd
    devs = juror_deviations(units.ravel(), jurors.ravel(), values.ravel(), [f"J{k}" for k in range(n_jurors)])
    assert [d.juror for d in devs if d.outlier] == ["J7"]
    assert max(devs, key=lambda d: d.deviation).juror == "J7"


def test_juror_without_shared_entries_has_no_deviation():
    devs = juror_deviations(np.array([0, 0, 1]), np.array([0, 1, 2]), np.array([1.0, 2.0, 3.0]), ["a", "b", "c"])
    assert devs[2].rms is None and devs[2].deviation is None and not devs[2].outlier


def test_reliability_from_scores_uses_weighted_sheet_totals_per_stage():
    rows = [
        ScoreRow(f"t{t}", f"j{j}", criterion, float(SHROUT_FLEISS[t, j]))
        for t in range(6)
        for j in range(4)
        for criterion in ("a", "b")
    ]
    report, warnings = reliability_from_scores(rows)
    assert warnings == []
    assert round(report.icc["ICC3"], 2) == 0.71
    staged = rows + [ScoreRow("t0", "j0", "a", 5.0, "final"), ScoreRow("t0", "j1", "a", 6.0, "final")]
    staged_report, _ = reliability_from_scores(
        [r._replace(stage="written") for r in rows] + staged[len(rows):]
    )
    assert staged_report.n_entries == 7  # (entry, stage) units
    assert staged_report.design == "incomplete"


def test_duplicate_rating_is_rejected():
    with pytest.raises(ValueError, match="twice"):
        reliability(["a", "a"], ["j", "j"], [1.0, 2.0])
