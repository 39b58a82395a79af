"""Additive juror-leniency model: entries fixed, jurors random, fitted by REML.

Model (one stage, sheet totals y): ``y = q[entry] + b[juror] + noise`` with
``b ~ N(0, tau * sigma2)`` and ``noise ~ N(0, sigma2)``.  Entries are fixed
effects so that an entry's estimate never borrows from other entries (with
expertise-driven assignment, shrinking entries leaks pool quality into the
juror effects); jurors are random so that a juror with few sheets gets a
shrunken, cautious leniency.

Absorbing the diagonal entry block leaves the J × J Schur complement
``S(tau) = D_j - B' D_e^-1 B + I/tau`` (scoring notes §1.3).  One eigen-
decomposition of ``S0 = S(inf)`` makes every REML evaluation O(J), and the
bootstrap reuses ``S(tau)^-1`` for all replicates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import minimize_scalar
from scipy.sparse.csgraph import connected_components
from threadpoolctl import threadpool_limits

LOG_TAU_BOUNDS = (-10.0, 10.0)
"""Search interval for log(tau); tau = sigma_b^2 / sigma^2 is scale-free."""


def count_components(
    entry_index: np.ndarray, juror_index: np.ndarray, n_entries: int, n_jurors: int
) -> int:
    """Connected components of the bipartite entry–juror graph.

    Leniency is identifiable only within a component: two panels that never
    share a juror could differ in quality or in generosity, and the data cannot
    tell which.
    """
    size = n_entries + n_jurors
    graph = sparse.csr_matrix(
        (np.ones(entry_index.size), (entry_index, n_entries + juror_index)), shape=(size, size)
    )
    n, _ = connected_components(graph, directed=False)
    return int(n)


def component_labels(
    entry_index: np.ndarray, juror_index: np.ndarray, n_entries: int, n_jurors: int
) -> tuple[np.ndarray, np.ndarray]:
    """Component label of each entry and each juror in the bipartite design graph."""
    size = n_entries + n_jurors
    graph = sparse.csr_matrix(
        (np.ones(entry_index.size), (entry_index, n_entries + juror_index)), shape=(size, size)
    )
    _, labels = connected_components(graph, directed=False)
    return labels[:n_entries], labels[n_entries:]


@dataclass(frozen=True)
class _Design:
    """Incidence structure shared by the fit and every bootstrap replicate."""

    entry_index: np.ndarray
    juror_index: np.ndarray
    per_entry: np.ndarray
    entry_starts: np.ndarray
    juror_by_sheet: sparse.csr_matrix  # J × N, for Z_j' y
    incidence: sparse.csr_matrix  # E × J, B = Z_e' Z_j

    @classmethod
    def build(cls, entry_index: np.ndarray, juror_index: np.ndarray, n_entries: int, n_jurors: int) -> "_Design":
        n = entry_index.size
        ones = np.ones(n)
        per_entry = np.bincount(entry_index, minlength=n_entries).astype(float)
        return cls(
            entry_index=entry_index,
            juror_index=juror_index,
            per_entry=per_entry,
            entry_starts=np.concatenate(([0], np.cumsum(per_entry[:-1]).astype(np.int64))),
            juror_by_sheet=sparse.csr_matrix((ones, (juror_index, np.arange(n))), shape=(n_jurors, n)),
            incidence=sparse.csr_matrix((ones, (entry_index, juror_index)), shape=(n_entries, n_jurors)),
        )

    def entry_sums(self, y: np.ndarray) -> np.ndarray:
        """Z_e' y for sheets sorted by entry (y: sheets × replicates)."""
        return np.add.reduceat(y, self.entry_starts, axis=0)

    def reduced_rhs(self, entry_sums: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Z_j' y − B' D_e^-1 Z_e' y: the juror right-hand side after absorbing entries."""
        return self.juror_by_sheet @ y - self.incidence.T @ (entry_sums / self.per_entry[:, None])

    def quality(self, entry_sums: np.ndarray, leniency: np.ndarray) -> np.ndarray:
        """q = D_e^-1 (Z_e' y − B b)."""
        return (entry_sums - self.incidence @ leniency) / self.per_entry[:, None]


@dataclass(frozen=True)
class AdditiveFit:
    """REML fit of the additive model for one stage.

    ``quality`` is per entry on the sheet-total scale (the entry's mean with
    its jurors' leniency removed); ``leniency`` is per juror, in score points
    (positive = generous).  ``tau`` = sigma_b^2 / sigma^2 at the REML optimum.
    """

    quality: np.ndarray
    leniency: np.ndarray
    tau: float
    sigma2: float
    residuals: np.ndarray
    _design: _Design
    _solve: np.ndarray  # S(tau)^-1, J × J

    def replicate(self, rng: np.random.Generator, n_replicates: int) -> np.ndarray:
        """Fixed-design residual bootstrap: entries × replicates of ``quality``.

        y* = fitted + resampled residuals (inflated for the fitted degrees of
        freedom), refitted at the same tau with the stored ``S(tau)^-1``: two
        sparse products and one J × J matrix product per block, no refactorisation.
        """
        d = self._design
        fitted = self.quality[d.entry_index] + self.leniency[d.juror_index]
        n = fitted.size
        dof = n - self.quality.size - self.leniency.size
        inflate = np.sqrt(n / dof) if dof > 0 else 1.0
        draws = rng.integers(0, n, size=(n, n_replicates))
        y = fitted[:, None] + inflate * self.residuals[draws]
        sums = d.entry_sums(y)
        with threadpool_limits(1):
            leniency = self._solve @ d.reduced_rhs(sums, y)
        return d.quality(sums, leniency)


def fit_additive(
    entry_index: np.ndarray,
    juror_index: np.ndarray,
    y: np.ndarray,
    n_entries: int,
    n_jurors: int,
) -> AdditiveFit:
    """Fit entries-fixed, jurors-random by REML on the Schur complement.

    Requires sheets sorted by entry.  A disconnected design is fine: each
    component adds a null direction of ``S0`` (its jurors' common shift), in
    which the data say nothing, so the leniency there is shrunk to exactly 0.
    """
    d = _Design.build(entry_index, juror_index, n_entries, n_jurors)
    y = np.asarray(y, dtype=float)
    entry_sums = d.entry_sums(y[:, None])
    rhs = d.reduced_rhs(entry_sums, y[:, None])[:, 0]
    scaled = d.incidence.multiply(1.0 / d.per_entry[:, None]).tocsr()
    s0 = np.diag(np.bincount(juror_index, minlength=n_jurors).astype(float))
    s0 -= (d.incidence.T @ scaled).toarray()
    with threadpool_limits(1):
        eigval, eigvec = np.linalg.eigh(s0)
    eigval = np.clip(eigval, 0.0, None)
    rotated = eigvec.T @ rhs
    # Null directions (one per design component) carry no data; their rhs is 0 up to rounding.
    rotated[eigval <= 1e-10 * max(float(eigval.max(initial=0.0)), 1.0)] = 0.0
    within_ss = float(y @ y - np.sum(entry_sums[:, 0] ** 2 / d.per_entry))
    objective = _reml_objective(eigval, rotated, within_ss, y.size, d.per_entry)

    if within_ss <= 1e-12 * max(1.0, float(y @ y)):
        tau = float(np.exp(LOG_TAU_BOUNDS[0]))  # no within-entry spread: no leniency signal
    else:
        best = minimize_scalar(objective, bounds=LOG_TAU_BOUNDS, method="bounded")
        tau = float(np.exp(best.x))
    shrink = 1.0 / (eigval + 1.0 / tau)
    leniency = eigvec @ (shrink * rotated)
    quality = d.quality(entry_sums, leniency[:, None])[:, 0]
    residuals = y - quality[entry_index] - leniency[juror_index]
    sigma2 = max(within_ss - float(np.sum(shrink * rotated**2)), 0.0) / max(y.size - n_entries, 1)
    return AdditiveFit(
        quality=quality,
        leniency=leniency,
        tau=tau,
        sigma2=sigma2,
        residuals=residuals,
        _design=d,
        _solve=(eigvec * shrink) @ eigvec.T,
    )


def _reml_objective(
    eigval: np.ndarray, rotated: np.ndarray, within_ss: float, n: int, per_entry: np.ndarray
):
    """−2 × restricted log-likelihood as a function of log(tau), σ² profiled out.

    Q(tau) = y'y − q'Z_e'y − b'Z_j'y = within_ss − Σ c̃_k² / (λ_k + 1/tau), and
    log|C| = Σ log n_e + Σ log(λ_k + 1/tau)  (scoring notes §1.3).
    """
    dof = n - per_entry.size
    const = float(np.sum(np.log(per_entry)))
    squared = rotated**2
    n_jurors = eigval.size

    def neg2_reml(log_tau: float) -> float:
        inv_tau = np.exp(-log_tau)
        q = max(within_ss - float(np.sum(squared / (eigval + inv_tau))), 1e-300)
        return (
            dof * (1.0 + np.log(2.0 * np.pi * q / dof))
            + n_jurors * log_tau
            + const
            + float(np.sum(np.log(eigval + inv_tau)))
        )

    return neg2_reml
