"""Sheet totals, aggregation methods and the additive leniency model."""

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from scipy.stats import spearmanr

from sayembara_score.additive import count_components, fit_additive
from sayembara_score.aggregation import (
    ScoreDataError,
    ScoreRow,
    WeightScheme,
    aggregate,
    build_sheets,
    trim_count,
)
from sayembara_score.ranking import rank


def _rows(table: dict[tuple[str, str], float], criteria=("c",), stage="") -> list[ScoreRow]:
    """Score rows giving every criterion of sheet (entry, juror) the same value."""
    return [ScoreRow(e, j, c, v, stage) for (e, j), v in table.items() for c in criteria]


def planted_design(n_entries=200, n_jurors=30, per_entry=3, seed=7, leniency_sd=1.0):
    """Incomplete design with planted juror leniency: each entry gets 3 of 30
    jurors at random (connected; the additive tests check that no fallback
    happened).  Returns rows, true quality and true leniency.
    """
    rng = np.random.default_rng(seed)
    quality = rng.normal(0, 1, n_entries)
    leniency = rng.normal(0, leniency_sd, n_jurors)
    rows = []
    for i in range(n_entries):
        jurors = rng.choice(n_jurors, per_entry, replace=False)
        for j in jurors:
            for criterion, weight in (("innovation", 1.0), ("impact", 1.0)):
                noise = rng.normal(0, 0.5)
                rows.append(ScoreRow(f"E{i:03d}", f"J{j:02d}", criterion, 60 + 10 * (quality[i] + leniency[j] + noise)))
    return rows, quality, leniency


def test_sheet_total_is_weighted_mean_of_criteria():
    rows = [ScoreRow("A", "j1", "x", 80.0), ScoreRow("A", "j1", "y", 40.0)]
    equal = build_sheets(rows).stages[""]
    assert equal.total.tolist() == [60.0]
    weighted = build_sheets(rows, WeightScheme(criteria={("", "x"): 3, ("", "y"): 1})).stages[""]
    assert weighted.total.tolist() == [70.0]


def test_missing_criterion_makes_sheet_incomplete_not_zero():
    rows = [
        ScoreRow("A", "j1", "x", 90.0), ScoreRow("A", "j1", "y", 90.0),
        ScoreRow("A", "j2", "x", 80.0),  # j2 forgot criterion y
        ScoreRow("B", "j1", "x", 70.0), ScoreRow("B", "j1", "y", 70.0),
        ScoreRow("B", "j2", "x", 70.0), ScoreRow("B", "j2", "y", 70.0),
    ]
    sheet_set = build_sheets(rows)
    assert any("incomplete sheet" in w and "'A'" in w and "'j2'" in w and "y" in w for w in sheet_set.warnings)
    result = rank(rows, method="mean", bootstrap=0)
    scores = {e.entry: e.score for e in result.entries}
    assert scores["A"] == 90.0  # the incomplete sheet is excluded, not averaged in as 40
    assert result.entries[0].entry == "A"
    assert any("incomplete sheet" in w for w in result.warnings)


def test_entry_with_only_incomplete_sheets_is_reported_and_unranked():
    rows = [ScoreRow("A", "j1", "x", 9.0), ScoreRow("A", "j1", "y", 9.0), ScoreRow("B", "j1", "x", 5.0)]
    result = rank(rows, method="mean", bootstrap=0)
    assert [e.entry for e in result.entries] == ["A"]
    assert any("'B' has no complete sheet" in w for w in result.warnings)


def test_stage_specific_weights_override_generic_ones():
    rows = [
        ScoreRow("A", "j", "x", 10.0, "s1"), ScoreRow("A", "j", "y", 0.0, "s1"),
        ScoreRow("A", "j", "x", 10.0, "s2"), ScoreRow("A", "j", "y", 0.0, "s2"),
    ]
    scheme = WeightScheme(criteria={("", "x"): 1, ("", "y"): 1, ("s2", "x"): 1, ("s2", "y"): 0})
    sheet_set = build_sheets(rows, scheme)
    assert sheet_set.stages["s1"].total.tolist() == [5.0]
    assert sheet_set.stages["s2"].total.tolist() == [10.0]


@pytest.mark.parametrize(
    "weights, message",
    [
        (WeightScheme(criteria={("", "x"): 1, ("", "nope"): 1}), "unknown criterion 'nope'"),
        (WeightScheme(criteria={("", "x"): 1}), "criterion 'y' has no weight"),
        (WeightScheme(criteria={("", "x"): 1, ("", "y"): 1}, stages={"final": 1}), "unknown stage 'final'"),
        (WeightScheme(criteria={("", "x"): 0, ("", "y"): 0}), "positive sum"),
    ],
)
def test_weights_that_do_not_match_the_scores_are_rejected(weights, message):
    rows = [ScoreRow("A", "j", "x", 1.0), ScoreRow("A", "j", "y", 1.0)]
    with pytest.raises(ScoreDataError, match=message):
        build_sheets(rows, weights)


def test_duplicate_and_non_finite_scores_are_rejected():
    with pytest.raises(ScoreDataError, match="duplicate"):
        build_sheets([ScoreRow("A", "j", "x", 1.0), ScoreRow("A", "j", "x", 2.0)])
    with pytest.raises(ScoreDataError, match="non-finite"):
        build_sheets([ScoreRow("A", "j", "x", float("nan"))])


def test_median_and_trimmed_mean_resist_one_extreme_sheet():
    table = {("A", "j1"): 70, ("A", "j2"): 72, ("A", "j3"): 10, ("A", "j4"): 71, ("A", "j5"): 74}
    sheets = build_sheets(_rows(table)).stages[""]
    assert aggregate(sheets, "median").scores.tolist() == [71.0]
    assert aggregate(sheets, "trimmed").scores.tolist() == [pytest.approx((70 + 71 + 72) / 3)]
    assert aggregate(sheets, "mean").scores.tolist() == [pytest.approx(59.4)]


@pytest.mark.parametrize("n, dropped", [(1, 0), (2, 0), (3, 1), (4, 1), (5, 1), (10, 2), (20, 4)])
def test_trim_rule(n, dropped):
    assert trim_count(n) == dropped


def test_zscore_handles_a_juror_with_zero_spread():
    table = {("A", "flat"): 7, ("B", "flat"): 7, ("A", "j2"): 9, ("B", "j2"): 3}
    result = aggregate(build_sheets(_rows(table)).stages[""], "zscore")
    assert np.all(np.isfinite(result.scores))
    assert result.scores[0] > result.scores[1]
    assert any("'flat'" in w and "zero spread" in w for w in result.warnings)


def _dense_reml_tau(entry_index, juror_index, y, n_entries, n_jurors) -> float:
    """REML tau from the textbook marginal likelihood (dense N × N matrices)."""
    n = y.size
    x = np.zeros((n, n_entries))
    x[np.arange(n), entry_index] = 1
    z = np.zeros((n, n_jurors))
    z[np.arange(n), juror_index] = 1

    def neg2(log_tau):
        h = np.eye(n) + np.exp(log_tau) * z @ z.T
        hinv = np.linalg.inv(h)
        xhx = x.T @ hinv @ x
        beta = np.linalg.solve(xhx, x.T @ hinv @ y)
        r = y - x @ beta
        q = r @ hinv @ r
        return (n - n_entries) * np.log(q / (n - n_entries)) + np.linalg.slogdet(h)[1] + np.linalg.slogdet(xhx)[1]

    return float(np.exp(minimize_scalar(neg2, bounds=(-10, 10), method="bounded", options={"xatol": 1e-8}).x))


def test_schur_reml_matches_dense_reml_and_blup():
    rng = np.random.default_rng(5)
    n_entries, n_jurors = 15, 6
    entry_index = np.repeat(np.arange(n_entries), 3)
    juror_index = np.concatenate([rng.choice(n_jurors, 3, replace=False) for _ in range(n_entries)])
    y = rng.normal(0, 1, n_entries)[entry_index] + rng.normal(0, 1, n_jurors)[juror_index] + rng.normal(0, 0.5, entry_index.size)
    assert count_components(entry_index, juror_index, n_entries, n_jurors) == 1
    fit = fit_additive(entry_index, juror_index, y, n_entries, n_jurors)
    dense_tau = _dense_reml_tau(entry_index, juror_index, y, n_entries, n_jurors)
    assert fit.tau == pytest.approx(dense_tau, rel=1e-3)

    # Henderson's mixed-model equations solved densely at the fitted tau.
    x = np.eye(n_entries)[entry_index]
    z = np.eye(n_jurors)[juror_index]
    lhs = np.block([[x.T @ x, x.T @ z], [z.T @ x, z.T @ z + np.eye(n_jurors) / fit.tau]])
    solution = np.linalg.solve(lhs, np.concatenate([x.T @ y, z.T @ y]))
    assert fit.quality == pytest.approx(solution[:n_entries], abs=1e-8)
    assert fit.leniency == pytest.approx(solution[n_entries:], abs=1e-8)


def test_additive_ranking_equals_mean_ranking_on_a_complete_design():
    rng = np.random.default_rng(1)
    table = {
        (f"E{i}", f"J{j}"): float(rng.normal(60, 10) + 5 * j) for i in range(12) for j in range(4)
    }
    additive = rank(_rows(table), method="additive", bootstrap=0)
    mean = rank(_rows(table), method="mean", bootstrap=0)
    assert additive.method == "additive"
    assert [e.entry for e in additive.entries] == [e.entry for e in mean.entries]


def test_additive_correction_beats_plain_mean_under_planted_leniency():
    rows, quality, _ = planted_design()
    truth = {f"E{i:03d}": q for i, q in enumerate(quality)}

    def rho(method):
        result = rank(rows, method=method, bootstrap=0)
        return spearmanr([e.score for e in result.entries], [truth[e.entry] for e in result.entries]).statistic

    assert rank(rows, method="additive", bootstrap=0).method == "additive"
    corrected, plain = rho("additive"), rho("mean")
    assert corrected > plain
    assert corrected > 0.9


def test_leniency_estimates_track_planted_leniency():
    rows, _, planted = planted_design(seed=8)
    result = rank(rows, method="additive", bootstrap=0)
    estimated = {j.juror: j.leniency for j in result.jurors}
    assert spearmanr([estimated[f"J{k:02d}"] for k in range(30)], planted).statistic > 0.9


def test_disconnected_design_is_reported_and_still_fitted():
    panel_a = {(f"A{i}", f"ja{j}"): float(50 + i + j) for i in range(4) for j in range(3)}
    panel_b = {(f"B{i}", f"jb{j}"): float(65 + i + j) for i in range(4) for j in range(3)}
    rows = _rows(panel_a | panel_b)
    result = rank(rows, method="additive", bootstrap=200, seed=1)
    assert result.method == "additive"
    assert [(len(c.entries), len(c.jurors), c.sheets, c.main) for c in result.components] == [
        (4, 3, 12, True), (4, 3, 12, False),
    ]
    assert set(result.isolated_entries) in ({"A0", "A1", "A2", "A3"}, {"B0", "B1", "B2", "B3"})
    assert any("2 separate groups" in w and "'B0'" in w or "'A0'" in w for w in result.warnings)
    assert all(j.leniency is not None for j in result.jurors)
    # Between panels nothing is known about leniency: the panels are compared on their raw level.
    mean = rank(rows, method="mean", bootstrap=0)
    assert [e.entry for e in result.entries] == [e.entry for e in mean.entries]


def test_one_stray_sheet_does_not_switch_the_correction_off_for_everyone():
    """A juror who scored one entry nobody else scored: before, the whole stage fell
    back to the plain mean and most entries moved; now only that entry is isolated."""
    rows, _, _ = planted_design(n_entries=60, n_jurors=12, seed=11, leniency_sd=1.5)
    stray = [ScoreRow("STRAY", "J-stray", c, 71.0) for c in ("innovation", "impact")]
    before = {e.entry: e.rank for e in rank(rows, method="additive", bootstrap=0).entries}
    after_result = rank(rows + stray, method="additive", bootstrap=0)
    after = {e.entry: e.rank for e in after_result.entries}
    assert after_result.method == "additive"
    assert after_result.isolated_entries == ["STRAY"]
    assert any("'STRAY'" in w for w in after_result.warnings)
    # Inserting one entry moves the others by at most one place.
    assert max(abs(after[e] - before[e]) for e in before) <= 1


def test_one_linking_juror_reconnects_the_design():
    panel_a = {(f"A{i}", f"ja{j}"): 50.0 + i for i in range(4) for j in range(3)}
    panel_b = {(f"B{i}", f"jb{j}"): 60.0 + i for i in range(4) for j in range(3)}
    link = {("A0", "jb0"): 40.0, ("B0", "ja0"): 70.0}
    result = rank(_rows(panel_a | panel_b | link), method="additive", bootstrap=0)
    assert result.method == "additive"
    assert not any("disconnected" in w for w in result.warnings)


def test_weight_scheme_ranges_refuse_a_score_outside_the_scale():
    rows = [ScoreRow("A", "j1", "x", 85.0), ScoreRow("B", "j1", "x", 850.0)]
    with pytest.raises(ScoreDataError, match="score 850 of entry 'B', juror 'j1', criterion 'x' is outside its range 0 to 100"):
        build_sheets(rows, WeightScheme(ranges={("", "x"): (0.0, 100.0)}))
    assert build_sheets(rows[:1], WeightScheme(ranges={("", "x"): (0.0, 100.0)})).stages[""].total.tolist() == [85.0]
