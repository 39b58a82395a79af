"""Calibration of the rank intervals, p_top and tie flags against known truth.

Simulated contests as in the issue "Rankings you can defend in public": 100
entries, 20 jurors, 3 jurors per entry (drawn at random), true quality
N(0, 5²), juror leniency N(0, 3²), noise N(0, 5²) ("noisy") or N(0, 2²)
("low noise"), prize boundary at 10.  For each contest the true rank is known,
so the bench prints, for the posterior intervals (the default) and, for
comparison, the former resampling bootstrap:

* coverage of the true rank by the 95 % interval, for all entries, the true
  top 10 and the true top 3, and how often the whole interval lies below
  (worse than) or above the true rank for the true top 10;
* calibration of p_top = P(rank <= 10): per decile of p_top, the mean p_top
  and the share of those entries truly in the top 10;
* the mean interval width of entries ranked 31-70 ("the middle");
* stability between seeds: the largest change of an interval end, and the
  number of tie flags that flip, over several contests;
* the time to rank a national contest (5,000 entries x 300 jurors x 3) with
  the default number of draws.

Run: .venv/bin/python bench/bench_calibration.py [--contests N] [--skip-national]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sayembara_score.aggregation import ScoreRow  # noqa: E402
from sayembara_score.ranking import default_draws, rank  # noqa: E402

N_ENTRIES, N_JURORS, PER_ENTRY, TOP = 100, 20, 3, 10
QUALITY_SD, LENIENCY_SD = 5.0, 3.0
SCENARIOS = {"noisy (noise SD 5)": 5.0, "low noise (noise SD 2)": 2.0}
DECILES = np.linspace(0.0, 1.0, 11)


def contest(rng: np.random.Generator, noise_sd: float) -> tuple[list[ScoreRow], dict[str, int]]:
    """One simulated contest: score rows and each entry's true rank."""
    quality = rng.normal(0.0, QUALITY_SD, N_ENTRIES)
    leniency = rng.normal(0.0, LENIENCY_SD, N_JURORS)
    rows = []
    for e in range(N_ENTRIES):
        for j in rng.choice(N_JURORS, PER_ENTRY, replace=False):
            score = 60.0 + quality[e] + leniency[j] + rng.normal(0.0, noise_sd)
            rows.append(ScoreRow(f"E{e:03d}", f"J{j:02d}", "overall", round(float(score), 2)))
    true_rank = np.empty(N_ENTRIES, dtype=int)
    true_rank[np.argsort(-quality)] = np.arange(1, N_ENTRIES + 1)
    return rows, {f"E{e:03d}": int(true_rank[e]) for e in range(N_ENTRIES)}


def evaluate(n_contests: int, noise_sd: float, uncertainty: str, draws: int | None, seed: int) -> dict:
    """Pool the calibration statistics over ``n_contests`` simulated contests."""
    rng = np.random.default_rng(seed)
    rows_out = []  # (true rank, point rank, low, high, p_top)
    for c in range(n_contests):
        rows, truth = contest(rng, noise_sd)
        result = rank(rows, method="additive", bootstrap=draws, seed=c, top=TOP, uncertainty=uncertainty)
        rows_out += [(truth[e.entry], e.rank, e.rank_low, e.rank_high, e.p_top) for e in result.entries]
    data = np.array(rows_out, dtype=float)
    true_rank, point, low, high, p_top = data.T
    inside = (low <= true_rank) & (true_rank <= high)
    top10, top3 = true_rank <= 10, true_rank <= 3
    middle = (point > 30) & (point <= 70)
    calibration = []
    for a, b in zip(DECILES[:-1], DECILES[1:]):
        members = (p_top >= a) & ((p_top < b) if b < 1 else (p_top <= b))
        if members.any():
            calibration.append((a, b, int(members.sum()), float(p_top[members].mean()), float(top10[members].mean())))
    return {
        "all": inside.mean(),
        "top10": inside[top10].mean(),
        "top3": inside[top3].mean(),
        "below": (low[top10] > true_rank[top10]).mean(),
        "above": (high[top10] < true_rank[top10]).mean(),
        "width_middle": float((high - low)[middle].mean()),
        "middle": inside[middle].mean(),
        "calibration": calibration,
    }


def stability(n_contests: int, noise_sd: float, draws: int | None) -> tuple[int, int, int, float]:
    """Largest interval-end change, tie flips and flags, max p_top change between seeds 0 and 1."""
    rng = np.random.default_rng(99)
    worst_end, flips, flags, worst_p = 0, 0, 0, 0.0
    for _ in range(n_contests):
        rows, _truth = contest(rng, noise_sd)
        a, b = (rank(rows, bootstrap=draws, seed=s, top=TOP) for s in (0, 1))
        for x, y in zip(a.entries, b.entries):
            worst_end = max(worst_end, abs(x.rank_low - y.rank_low), abs(x.rank_high - y.rank_high))
            flips += x.tie != y.tie
            flags += x.tie
            worst_p = max(worst_p, abs(x.p_top - y.p_top))
    return worst_end, flips, flags, worst_p


def national_speed() -> None:
    from bench_ranking import synthetic_scores

    rows, _quality = synthetic_scores()
    rank(rows[:300], bootstrap=200)  # warm up imports and caches
    start = time.perf_counter()
    result = rank(rows, method="additive", top=100)
    seconds = time.perf_counter() - start
    mc = result.mc_error
    print(
        f"national 5,000 x 300 x 3, {result.bootstrap} posterior draws: {seconds:.2f} s (target < 3 s); "
        f"Monte Carlo SE: interval end <= {mc.rank_end:.2f} ranks, p_top <= {mc.p_top:.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contests", type=int, default=200, help="simulated contests per scenario")
    parser.add_argument("--stability-contests", type=int, default=10)
    parser.add_argument("--skip-bootstrap", action="store_true", help="skip the former bootstrap, for comparison")
    parser.add_argument("--skip-national", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    methods = [("posterior", None)] + ([] if args.skip_bootstrap else [("bootstrap", 1000)])
    with threadpool_limits(1):
        for name, noise_sd in SCENARIOS.items():
            print(f"\n== {name}: {args.contests} contests of {N_ENTRIES} entries, {N_JURORS} jurors, "
                  f"{PER_ENTRY} per entry, top {TOP}")
            for uncertainty, draws in methods:
                t0 = time.perf_counter()
                r = evaluate(args.contests, noise_sd, uncertainty, draws, seed=2024)
                print(f"\n{uncertainty} ({draws or default_draws(N_ENTRIES)} draws), {time.perf_counter() - t0:.1f} s")
                print(f"  coverage of the true rank: all {r['all']:.3f}, true top 10 {r['top10']:.3f}, "
                      f"true top 3 {r['top3']:.3f}")
                print(f"  true top 10 with the interval wholly below the true rank {r['below']:.3f}, "
                      f"wholly above {r['above']:.3f}")
                print(f"  ranks 31-70: mean interval width {r['width_middle']:.1f}, coverage {r['middle']:.3f}")
                print("  p_top decile     n   mean p_top   share truly top 10   gap")
                for a, b, n, mean_p, share in r["calibration"]:
                    print(f"  {a:.1f}-{b:.1f}  {n:>8}   {mean_p:10.3f}   {share:18.3f}   {share - mean_p:+.3f}")
            end, flips, flags, dp = stability(args.stability_contests, noise_sd, None)
            print(f"\nseeds 0 vs 1 over {args.stability_contests} contests ({default_draws(N_ENTRIES)} draws): "
                  f"largest interval-end change {end} rank(s), {flips} of {flags} tie flags flip, "
                  f"largest p_top change {dp:.3f}")
    if not args.skip_national:
        print()
        national_speed()
    print(f"\ntotal bench time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
