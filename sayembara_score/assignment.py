"""Juror-to-entry assignment as one min-cost flow (scoring.md section 4).

Why a flow
----------
Each juror belongs to exactly one element (academic, ngo, bureaucracy,
other). So the rule "at least one academic, one NGO member and one bureaucrat
per entry" nests inside the juror partition. The constraint matrix stays
totally unimodular, the optimum is integral, and OR-Tools' ``SimpleMinCostFlow``
solves the national instance (5,000 entries x 300 jurors, about 1.5 M arcs) in
about a second. A greedy loop cannot prove optimality, and networkx is three
orders of magnitude slower (measured in scoring.md 4.3).

Network (all costs are integers; OR-Tools takes int64 only)
-----------------------------------------------------------
::

    S --load slots--> juror j --cap 1, -affinity--> (e, element(j)) --first unit: -ELEM--> entry e --cap K, -SLOT--> T
                                                                    --more units:  0 ---->
    S --------------------------------- bypass, cap E*K, cost 0 ---------------------------------------------------> T

* ``S`` supplies ``E*K`` units and ``T`` demands them. Any unit that cannot
  reach an entry takes the bypass arc. So the problem is always feasible, and
  an entry's shortfall shows up as a missing unit, not as a solver failure.
* Juror -> entry: one arc per pair that is not conflicted (declared or
  detected), capacity 1, cost ``-round(1000 * affinity)``. If the juror's
  element is required, the arc goes to the node (entry, that element).
  Otherwise it goes straight to the entry node. Either way a juror has
  **exactly one** arc into an entry's sub-network. The capacity of 1 therefore
  forbids assigning the same juror twice to one entry. No per-(juror, entry)
  helper node is needed.
* (entry, element) -> entry: two parallel arcs. The first has capacity 1 and
  cost ``-ELEM``, a reward for meeting that element's requirement. The second
  has capacity ``K-1`` and cost 0, for further jurors of the same element.
  The "free" slots (K minus the number of required elements) need no node of
  their own: the entry arc caps the total at K, and the rewards make the
  required elements come first.
* entry -> T: capacity K, cost ``-SLOT``, a reward for each filled seat.
* S -> juror: parallel arcs with convex cost, for load balance. The fair share
  ``ceil(E*K/J)`` costs 0. Above it come ``OVERLOAD_TIERS`` tiers, each about
  10 % of the fair share wide, costing ``OVERLOAD_COST * tier`` per unit. One
  last tier takes the rest up to the juror's cap, at the highest cost. The cap
  is ``max_load``, or the juror's number of eligible entries when there is no
  cap or "max_load" is relaxed.

Priorities
----------
The rewards are lexicographic:

1. element requirements met;
2. seats filled;
3. the soft terms, as one sum: affinity (1000 cost units per unit of
   affinity), tie-breaking noise, and overload cost (300 units per unit of
   load per tier above the fair share).  So affinity is traded against load
   balance at a fixed rate, not maximised first.

Why: the difference between two flows splits into simple cycles in the
residual graph. A simple cycle visits S and T once each, so it changes the
number of filled seats by at most one. It visits each juror once, so it uses at
most ``2J`` juror->entry arcs and two source arcs. Its soft cost is therefore
bounded by ``SOFT = 2*J*max|arc cost| + 2*max overload cost``. With
``SLOT = SOFT + 1`` and ``ELEM = SLOT + SOFT + 1``, a cycle that meets one more
element, or fills one more seat without losing an element, has negative cost.
An optimal flow contains no such cycle. The magnitudes stay small: about 1.2 M
per unit at national scale, far inside int64.

Infeasibility and relaxation
----------------------------
If an entry cannot get K jurors, or cannot get a required element (because the
pool is too small, conflicts remove jurors, or caps run out), it appears in
``AssignmentResult.unmet`` with the constraint it misses and the reason. The
organiser can knowingly re-run with ``relax={"elements"}`` (no composition
rule) or ``relax={"max_load"}`` (caps ignored).

``optimal`` is True only if the solver reports OPTIMAL **and** nothing is
unmet. A best-effort assignment with gaps is optimal for the relaxed network,
not a valid panel design.

Randomisation
-------------
If ``seed`` is given, every juror->entry arc cost gets independent integer
noise in ``[0, NOISE_MAX]`` cost units (at most 0.3 % of the affinity scale).
This breaks ties unpredictably, so an entrant cannot steer which jurors get an
entry. The same seed gives the same assignment.

Scale note: conflicts and affinities are held as dense E x J numpy matrices
(12 MB at 5,000 x 300). That is fine up to a few tens of millions of pairs.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
from ortools.graph.python import min_cost_flow

ELEMENTS: tuple[str, ...] = ("academic", "ngo", "bureaucracy", "other")
REQUIRED_ELEMENTS: tuple[str, ...] = ("academic", "ngo", "bureaucracy")
RELAXABLE: frozenset[str] = frozenset({"elements", "max_load"})

AFFINITY_SCALE = 1000  # cost units per unit of affinity
OVERLOAD_COST = 300  # per unit, per overload tier (scoring.md 4.1)
OVERLOAD_TIERS = 5  # graded tiers above the fair share, before the final tier
OVERLOAD_TIER_FRACTION = 0.1  # width of one tier, as a fraction of the fair share
NOISE_MAX = 3  # tie-breaking noise, in cost units, when a seed is given


@dataclass
class AssignmentResult:
    """Outcome of an assignment run.

    ``assignments`` holds sorted (entry, juror) pairs. ``load`` lists every
    juror, including those with load 0. ``unmet`` has one dict per entry and
    missed constraint: ``{"entry", "constraint", "detail"}``.
    """

    assignments: list[tuple[str, str]]
    load: dict[str, int]
    total_affinity: float
    optimal: bool
    unmet: list[dict]
    solve_seconds: float
    build_seconds: float

    def to_json(self) -> dict:
        """Return a JSON-ready dict. Timings are left out so that output stays reproducible."""
        return {
            "assignments": [{"entry": e, "juror": j} for e, j in self.assignments],
            "load": dict(self.load),
            "total_affinity": self.total_affinity,
            "optimal": self.optimal,
            "unmet": [dict(u) for u in self.unmet],
        }


def _normalise_institution(name: str | None) -> str:
    """Casefold and collapse whitespace, so that ``"Univ  X "`` and ``"univ x"`` count as one conflict."""
    return " ".join((name or "").split()).casefold()


class _Pool:
    """Entries and jurors indexed as arrays. This is shared by ``assign`` and ``full_panel``."""

    def __init__(self, entries: list[dict], jurors: list[dict]) -> None:
        self.entries = entries
        self.jurors = jurors
        self.entry_ids = [str(e["entry"]) for e in entries]
        self.juror_ids = [str(j["juror"]) for j in jurors]
        self.entry_index = {e: i for i, e in enumerate(self.entry_ids)}
        self.juror_index = {j: i for i, j in enumerate(self.juror_ids)}
        if len(self.entry_index) != len(entries):
            raise ValueError("duplicate entry ids")
        if len(self.juror_index) != len(jurors):
            raise ValueError("duplicate juror ids")
        element_code = {name: i for i, name in enumerate(ELEMENTS)}
        try:
            self.element = np.array([element_code[j["element"]] for j in jurors], dtype=np.int64)
        except KeyError as exc:
            raise ValueError(f"unknown juror element {exc.args[0]!r}; expected one of {ELEMENTS}") from None
        self.max_load = np.array([_checked_max_load(j) for j in jurors], dtype=np.int64)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.entries), len(self.jurors)

    def detected_conflict_mask(self) -> np.ndarray:
        """Return an E x J bool matrix of automatic conflicts.

        A pair conflicts if the juror's institution equals the entry's
        institution or parent institution, or if the juror is on the entry's
        team. Empty institutions never match.
        """
        codes: dict[str, int] = {}

        def code(name: str | None) -> int:
            key = _normalise_institution(name)
            return codes.setdefault(key, len(codes)) if key else -1

        entry_inst = np.array([code(e.get("institution")) for e in self.entries], dtype=np.int64)
        entry_parent = np.array([code(e.get("parent_institution")) for e in self.entries], dtype=np.int64)
        juror_inst = np.array([code(j.get("institution")) for j in self.jurors], dtype=np.int64)
        mask = (juror_inst[None, :] >= 0) & (
            (entry_inst[:, None] == juror_inst[None, :]) | (entry_parent[:, None] == juror_inst[None, :])
        )
        for j, juror in enumerate(self.jurors):
            for entry_id in juror.get("team_entries") or ():
                e = self.entry_index.get(str(entry_id))
                if e is not None:
                    mask[e, j] = True
        return mask

    def conflict_mask(self, declared: Iterable[tuple[str, str]]) -> np.ndarray:
        """Return detected conflicts plus declared (juror, entry) pairs. Pairs with unknown ids are ignored."""
        mask = self.detected_conflict_mask()
        for juror_id, entry_id in declared:
            j = self.juror_index.get(str(juror_id))
            e = self.entry_index.get(str(entry_id))
            if j is not None and e is not None:
                mask[e, j] = True
        return mask

    def affinity_matrix(self, affinity: Mapping[tuple[str, str], float] | None) -> np.ndarray:
        """Return an E x J float matrix from the (juror, entry) -> affinity mapping. Missing pairs are 0."""
        matrix = np.zeros(self.shape, dtype=np.float64)
        if not affinity:
            return matrix
        n = len(affinity)
        # map() with C-level callables avoids a Python frame per pair: 1.5 M pairs convert in ~0.2 s.
        unknown = itertools.repeat(-1)
        if hasattr(affinity, "columns"):  # csvio.AffinityTable: parallel columns, no dict needed
            juror_col, entry_col, values = affinity.columns()
        else:
            juror_col, entry_col = map(itemgetter(0), affinity), map(itemgetter(1), affinity)
            values = np.fromiter(affinity.values(), dtype=np.float64, count=n)
        j_idx = np.fromiter(map(self.juror_index.get, juror_col, unknown), dtype=np.int64, count=n)
        e_idx = np.fromiter(map(self.entry_index.get, entry_col, unknown), dtype=np.int64, count=n)
        known = (j_idx >= 0) & (e_idx >= 0)
        if not np.isfinite(values[known]).all():
            raise ValueError("affinity values must be finite numbers")
        matrix[e_idx[known], j_idx[known]] = values[known]
        return matrix

    def required_elements(self, wanted: bool) -> tuple[str, ...]:
        """Return the elements each entry must include.

        The composition rule applies whenever it is wanted, whatever the pool:
        a pool without, say, a bureaucrat cannot meet it, and every entry then
        shows up in ``unmet``.  Dropping the rule silently made an incomplete
        pool look better than a complete one with a tight load.  The organiser
        relaxes it knowingly (``relax={"elements"}`` or ``require_elements=False``).
        """
        return REQUIRED_ELEMENTS if wanted else ()

    def unmet_report(self, eligible: np.ndarray, assigned_e: np.ndarray, assigned_j: np.ndarray,
                     per_entry: int | None, required: tuple[str, ...]) -> list[dict]:
        """List each entry's missed constraints, with a reason an organiser can act on.

        ``per_entry=None`` (full panel) only flags entries that got no juror at all.
        """
        n_entries, _ = self.shape
        filled = np.bincount(assigned_e, minlength=n_entries)
        eligible_count = eligible.sum(axis=1)
        unmet: list[dict] = []
        need = 1 if per_entry is None else per_entry
        for e in np.flatnonzero(filled < need).tolist():
            if eligible_count[e] < need:
                cause, reason = "conflicts", f"only {eligible_count[e]} of {len(self.jurors)} jurors are free of conflicts"
            else:
                cause, reason = "load", f"{eligible_count[e]} jurors are free of conflicts but their load is taken by other entries"
            unmet.append({
                "entry": self.entry_ids[e],
                "constraint": "per_entry",
                "detail": f"received {filled[e]} of {need} jurors: {reason}",
                # The same facts as data, for applications that say them in their own language.
                "cause": cause, "received": int(filled[e]), "need": need,
                "free": int(eligible_count[e]), "pool": len(self.jurors),
            })
        for name in required:
            code = ELEMENTS.index(name)
            of_element = self.element == code
            has = np.bincount(assigned_e[of_element[assigned_j]], minlength=n_entries) > 0
            pool_size = int(of_element.sum())
            eligible_of_element = eligible[:, of_element].sum(axis=1)
            for e in np.flatnonzero(~has).tolist():
                if pool_size == 0:
                    cause, reason = "no_pool", f"the pool has no {name} juror"
                elif eligible_of_element[e] == 0:
                    cause, reason = "conflicts", f"all {pool_size} {name} jurors have a conflict with this entry"
                else:
                    cause, reason = "load", (f"{eligible_of_element[e]} {name} jurors are free of conflicts "
                                             "but their load is taken by other entries")
                unmet.append({
                    "entry": self.entry_ids[e],
                    "constraint": f"element:{name}",
                    "detail": f"no {name} juror assigned: {reason}",
                    "cause": cause, "element": name, "free": int(eligible_of_element[e]), "pool": pool_size,
                })
        unmet.sort(key=lambda u: (u["entry"], u["constraint"]))
        return unmet

    def result(self, assigned_e: np.ndarray, assigned_j: np.ndarray, scores: np.ndarray,
               unmet: list[dict], optimal: bool, build_seconds: float, solve_seconds: float) -> AssignmentResult:
        """Turn index arrays of assigned pairs into the public result."""
        load = np.bincount(assigned_j, minlength=len(self.jurors))
        pairs = sorted(zip((self.entry_ids[e] for e in assigned_e.tolist()),
                           (self.juror_ids[j] for j in assigned_j.tolist())))
        return AssignmentResult(
            assignments=pairs,
            load={jid: int(n) for jid, n in zip(self.juror_ids, load.tolist())},
            total_affinity=float(scores[assigned_e, assigned_j].sum()),
            optimal=optimal,
            unmet=unmet,
            solve_seconds=solve_seconds,
            build_seconds=build_seconds,
        )


def _checked_max_load(juror: dict) -> int:
    """Return the juror's explicit cap, or -1 for no cap."""
    cap = juror.get("max_load")
    if cap is None:
        return -1
    if isinstance(cap, bool) or not isinstance(cap, (int, np.integer)) or cap < 0:
        raise ValueError(f"juror {juror['juror']!r}: max_load must be a non-negative int or None, got {cap!r}")
    return int(cap)


def detect_conflicts(entries: list[dict], jurors: list[dict]) -> set[tuple[str, str]]:
    """Return automatically detected (juror, entry) conflicts.

    A juror conflicts with an entry if the juror's institution equals the
    entry's institution or parent institution, or if the juror is on the
    entry's team.
    """
    pool = _Pool(entries, jurors)
    e_idx, j_idx = np.nonzero(pool.detected_conflict_mask())
    return {(pool.juror_ids[j], pool.entry_ids[e]) for e, j in zip(e_idx.tolist(), j_idx.tolist())}


def _source_tiers(n_jurors: int, capacity: np.ndarray, fair_share: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Build the convex load-cost arcs S -> juror: (juror index, capacity, cost) per arc.

    The fair share is free. Each overload tier costs ``OVERLOAD_COST`` more
    per unit than the one before, so the solver spreads overload thinly
    across jurors instead of piling it on the best-matching ones.
    """
    width = max(1, math.ceil(fair_share * OVERLOAD_TIER_FRACTION))
    base = np.minimum(capacity, fair_share)
    extra = capacity - base
    juror_parts, cap_parts, cost_parts = [np.arange(n_jurors)], [base], [np.zeros(n_jurors, dtype=np.int64)]
    for tier in range(1, OVERLOAD_TIERS + 2):
        already = (tier - 1) * width
        tier_cap = extra - already if tier > OVERLOAD_TIERS else np.clip(extra - already, 0, width)
        tier_cap = np.maximum(tier_cap, 0)
        juror_parts.append(np.arange(n_jurors))
        cap_parts.append(tier_cap)
        cost_parts.append(np.full(n_jurors, OVERLOAD_COST * tier, dtype=np.int64))
    jurors_, caps, costs = (np.concatenate(p) for p in (juror_parts, cap_parts, cost_parts))
    keep = caps > 0
    return jurors_[keep], caps[keep].astype(np.int64), costs[keep]


def assign(
    entries: list[dict],
    jurors: list[dict],
    conflicts: set[tuple[str, str]] = frozenset(),
    affinity: dict[tuple[str, str], float] | None = None,
    per_entry: int = 3,
    require_elements: bool = True,
    relax: frozenset[str] = frozenset(),
    seed: int | None = None,
) -> AssignmentResult:
    """Give each entry ``per_entry`` jurors by one min-cost flow (see the module docstring).

    Hard constraints: no conflicted pair (declared in ``conflicts`` or found
    by ``detect_conflicts``), no juror above ``max_load``, no juror twice on
    one entry. When the pool has all three required elements, each entry
    gets at least one academic, one NGO member and one bureaucrat, unless
    ``require_elements=False`` or ``relax={"elements"}``; an entry without one
    juror of each is listed in ``unmet`` whatever the reason (no such juror
    in the pool, conflicts, loads).

    Objective, lexicographic: (1) most element requirements met, (2) most
    seats filled, (3) least soft cost, where the soft cost is
    ``-1000 * affinity`` per assigned pair plus ``300 * tier`` per unit of a
    juror's load in overload tier ``tier`` above the fair share (module
    docstring).  Level 3 is one weighted sum, not "affinity first": one unit
    of load moved out of the first overload tier is worth 0.3 affinity, so
    the total affinity can be slightly below the pure maximum (1.4 % in the
    national benchmark) in exchange for balanced loads.  An entry that cannot
    be served fully is listed in ``unmet``; it does not make the whole run fail.
    """
    started = time.perf_counter()
    relax = frozenset(relax)
    if unknown := relax - RELAXABLE:
        raise ValueError(f"unknown relaxation(s) {sorted(unknown)}; allowed: {sorted(RELAXABLE)}")
    if per_entry < 1:
        raise ValueError("per_entry must be at least 1")
    pool = _Pool(entries, jurors)
    n_entries, n_jurors = pool.shape
    required = pool.required_elements(require_elements and "elements" not in relax)
    if len(required) > per_entry:
        raise ValueError(
            f"per_entry={per_entry} cannot hold one juror of each of {required}; "
            "raise per_entry, pass require_elements=False or relax={'elements'}"
        )
    eligible = ~pool.conflict_mask(conflicts)
    scores = pool.affinity_matrix(affinity)
    if n_entries == 0 or n_jurors == 0:
        none = np.zeros(0, dtype=np.int64)
        unmet = pool.unmet_report(eligible, none, none, per_entry, required)
        return pool.result(none, none, scores, unmet, not unmet, time.perf_counter() - started, 0.0)

    # Candidate juror -> entry arcs, one per eligible pair (entry-major order).
    pair_e, pair_j = np.nonzero(eligible)
    pair_cost = -np.rint(scores[eligible] * AFFINITY_SCALE).astype(np.int64)  # same order as np.nonzero
    if seed is not None:
        pair_cost += np.random.default_rng(seed).integers(0, NOISE_MAX + 1, size=pair_cost.size)

    degree = np.bincount(pair_j, minlength=n_jurors)
    capped = (pool.max_load >= 0) & ("max_load" not in relax)
    capacity = np.where(capped, np.minimum(pool.max_load, degree), degree)
    fair_share = math.ceil(n_entries * per_entry / n_jurors)
    tier_juror, tier_cap, tier_cost = _source_tiers(n_jurors, capacity, fair_share)

    soft_bound = 2 * n_jurors * int(np.abs(pair_cost).max(initial=0)) + 2 * int(tier_cost.max(initial=0))
    slot_reward = soft_bound + 1
    element_reward = slot_reward + soft_bound + 1

    # Node numbering: S, T, jurors, entries, then (entry, required element).
    source, sink = 0, 1
    juror_node0 = 2
    entry_node0 = juror_node0 + n_jurors
    split_node0 = entry_node0 + n_entries
    n_required = len(required)
    required_slot = np.full(len(ELEMENTS), -1, dtype=np.int64)
    for r, name in enumerate(required):
        required_slot[ELEMENTS.index(name)] = r
    pair_slot = required_slot[pool.element[pair_j]]
    pair_head = np.where(pair_slot >= 0, split_node0 + pair_e * n_required + pair_slot, entry_node0 + pair_e)

    split_entry = np.repeat(np.arange(n_entries), n_required)
    split_node = split_node0 + np.arange(n_entries * n_required)
    n_split = split_node.size
    entry_node = entry_node0 + np.arange(n_entries)

    def const(value: int, size: int) -> np.ndarray:
        return np.full(size, value, dtype=np.int64)

    arc_blocks = [
        # (tails, heads, capacities, costs)
        (const(source, tier_juror.size), juror_node0 + tier_juror, tier_cap, tier_cost),
        (juror_node0 + pair_j, pair_head, const(1, pair_e.size), pair_cost),
        (split_node, entry_node0 + split_entry, const(1, n_split), const(-element_reward, n_split)),
        (split_node, entry_node0 + split_entry, const(per_entry - 1, n_split), const(0, n_split)),
        (entry_node, const(sink, n_entries), const(per_entry, n_entries), const(-slot_reward, n_entries)),
        (const(source, 1), const(sink, 1), const(n_entries * per_entry, 1), const(0, 1)),
    ]
    pair_arc_start = tier_juror.size
    tails, heads, caps, costs = (np.concatenate([block[k] for block in arc_blocks]) for k in range(4))
    # Only the "more units" arcs can have capacity 0 (when per_entry == 1); they come after the pair
    # arcs, so dropping them leaves the pair arcs at positions pair_arc_start onwards.
    keep = caps > 0

    solver = min_cost_flow.SimpleMinCostFlow()
    arc_ids = solver.add_arcs_with_capacity_and_unit_cost(
        tails[keep].astype(np.int32), heads[keep].astype(np.int32), caps[keep], costs[keep],
    )
    n_nodes = split_node0 + n_split
    supplies = np.zeros(n_nodes, dtype=np.int64)
    supplies[source], supplies[sink] = n_entries * per_entry, -n_entries * per_entry
    solver.set_nodes_supplies(np.arange(n_nodes, dtype=np.int32), supplies)
    built = time.perf_counter()

    status = solver.solve()
    solved = time.perf_counter()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"min-cost flow solver returned status {status!r}")

    pair_arc_ids = np.asarray(arc_ids)[pair_arc_start:pair_arc_start + pair_e.size].astype(np.int32)
    chosen = np.asarray(solver.flows(pair_arc_ids)) > 0
    assigned_e, assigned_j = pair_e[chosen], pair_j[chosen]
    unmet = pool.unmet_report(eligible, assigned_e, assigned_j, per_entry, required)
    return pool.result(assigned_e, assigned_j, scores, unmet, not unmet, built - started, solved - built)


def full_panel(entries: list[dict], jurors: list[dict],
               conflicts: set[tuple[str, str]] = frozenset(), require_elements: bool = True) -> AssignmentResult:
    """Have every juror score every entry they are not conflicted with. Meant for small contests.

    ``unmet`` lists entries left with no juror at all, and, unless
    ``require_elements=False``, entries without one juror of each required
    element (none in the pool, or all conflicted).  ``total_affinity`` is 0
    because no affinities are involved.
    """
    started = time.perf_counter()
    pool = _Pool(entries, jurors)
    eligible = ~pool.conflict_mask(conflicts)
    assigned_e, assigned_j = np.nonzero(eligible)
    unmet = pool.unmet_report(eligible, assigned_e, assigned_j, None, pool.required_elements(require_elements))
    return pool.result(assigned_e, assigned_j, np.zeros(pool.shape), unmet, not unmet,
                       time.perf_counter() - started, 0.0)
