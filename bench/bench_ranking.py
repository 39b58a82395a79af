"""National-scale benchmark of the scoring core (synthetic data).

5,000 entries, 300 jurors, 3 jurors per entry, 3 criteria, planted juror
leniency.  Prints the time to build the data and the sheets, to rank with the
additive model and 1,000 bootstrap replicates (target < 3 s), to compute the
reliability report (target < 2 s), and the peak memory of the process.

Run: .venv/bin/python bench/bench_ranking.py (ranking now uses the automatic number of posterior draws)
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sayembara_score.aggregation import ScoreRow, build_sheets  # noqa: E402
from sayembara_score.ranking import rank  # noqa: E402
from sayembara_score.reliability import reliability_from_scores  # noqa: E402

N_ENTRIES, N_JURORS, PER_ENTRY, CRITERIA = 5000, 300, 3, ("innovation", "impact", "sustainability")


def synthetic_scores(seed: int = 2024) -> tuple[list[ScoreRow], np.ndarray]:
    """Score rows with true quality q, leniency b ~ N(0, 0.6²), noise N(0, 0.7²).

    Each entry gets one juror from each of three 100-juror pools (academic, NGO,
    bureaucrat), rotating so that juror loads are balanced (50 each).
    """
    rng = np.random.default_rng(seed)
    quality = rng.normal(0.0, 1.0, N_ENTRIES)
    leniency = rng.normal(0.0, 0.6, N_JURORS)
    pool = N_JURORS // PER_ENTRY
    panels = np.stack(
        [t * pool + rng.permutation(np.arange(N_ENTRIES) % pool) for t in range(PER_ENTRY)], axis=1
    )
    entry = np.repeat(np.arange(N_ENTRIES), PER_ENTRY * len(CRITERIA))
    juror = np.repeat(panels.ravel(), len(CRITERIA))
    noise = rng.normal(0.0, 0.7, entry.size)
    score = np.clip(np.round(60 + 10 * (quality[entry] + leniency[juror] + noise)), 0, 100)
    criterion = np.tile(CRITERIA, N_ENTRIES * PER_ENTRY)
    rows = [
        ScoreRow(f"E{e:05d}", f"J{j:03d}", c, float(s))
        for e, j, c, s in zip(entry.tolist(), juror.tolist(), criterion.tolist(), score.tolist())
    ]
    return rows, quality


def timed(label: str, func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    print(f"{label:<48} {time.perf_counter() - start:7.3f} s")
    return result


def main() -> None:
    rows, quality = timed("build synthetic data (45,000 score rows)", synthetic_scores)
    timed("build sheets (pivot + weighted totals)", build_sheets, rows)
    ranking = timed("rank, additive + posterior draws (target < 3 s)", rank, rows, method="additive", top=100)
    mean_ranking = timed("rank, mean + 1,000 posterior draws", rank, rows, method="mean", bootstrap=1000, top=100)
    report, _ = timed("reliability (target < 2 s)", reliability_from_scores, rows)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory (ru_maxrss)':<48} {peak_mb:7.0f} MB")

    for label, result in (("additive", ranking), ("mean", mean_ranking)):
        estimate = {e.entry: e.score for e in result.entries}
        rho = spearmanr([estimate[f"E{i:05d}"] for i in range(N_ENTRIES)], quality).statistic
        print(f"Spearman rho vs true quality, {label:<9} {rho:.3f}")
    print(
        f"ICC(1,1) {report.icc['ICC1']:.3f}, ICC(1,k) {report.icc['ICC1k']:.3f}, "
        f"Krippendorff alpha {report.krippendorff_alpha:.3f}, outlying jurors "
        f"{sum(j.outlier for j in report.jurors)}"
    )
    bubble = sum(1 for e in ranking.entries if e.p_top is not None and 0.1 < e.p_top < 0.9)
    print(f"entries with 0.1 < P(top 100) < 0.9: {bubble}; tie flags: {sum(e.tie for e in ranking.entries)}")


if __name__ == "__main__":
    main()
