"""Tests for sayembara_score.assignment (the min-cost-flow juror assigner).

The checks here are written independently of the solver's internals. Hard
constraints are re-derived from the raw input. Optimality is compared against
an exhaustive search over every panel choice. That search is memoised on the
load vector (dynamic programming), so it stays exact while remaining fast
enough for hypothesis.

For the optimality comparison, every juror's ``max_load`` is set at or below
the fair share ``ceil(E*K/J)``. The flow then has no overload arcs, so the
load-balance term is zero for every feasible assignment. The solver's
objective is then exactly lexicographic in (required elements met, seats
filled, sum of round(1000 * affinity)), and that is what the search maximises.
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayembara_score.assignment import (
    ELEMENTS,
    REQUIRED_ELEMENTS,
    AssignmentResult,
    assign,
    detect_conflicts,
    full_panel,
)

INSTITUTIONS = ["", "Univ A", "Pemkab B", "LSM C"]


# ---------------------------------------------------------------- helpers

def independent_conflicts(entries, jurors, declared) -> set[tuple[str, str]]:
    """Return declared conflicts plus the three automatic rules, written out naively."""
    found = set(declared)
    for juror in jurors:
        for entry in entries:
            inst = juror.get("institution") or ""
            if inst and inst in (entry.get("institution") or "", entry.get("parent_institution") or ""):
                found.add((juror["juror"], entry["entry"]))
            if entry["entry"] in (juror.get("team_entries") or set()):
                found.add((juror["juror"], entry["entry"]))
    return found


def pool_requires_elements(jurors, require: bool) -> bool:
    """The composition rule applies whenever it is wanted, even if the pool lacks an element."""
    return require


def assert_hard_constraints(result: AssignmentResult, entries, jurors, declared, per_entry: int,
                            required: bool, caps_apply: bool) -> None:
    """Every hard constraint holds, or its violation is reported in ``unmet``, and nothing more is reported."""
    conflicts = independent_conflicts(entries, jurors, declared)
    panels = {e["entry"]: [] for e in entries}
    for entry_id, juror_id in result.assignments:
        assert (juror_id, entry_id) not in conflicts, f"conflicted pair {entry_id}/{juror_id} assigned"
        panels[entry_id].append(juror_id)
    assert result.assignments == sorted(result.assignments)

    load = {j["juror"]: 0 for j in jurors}
    for panel in panels.values():
        for juror_id in panel:
            load[juror_id] += 1
    assert result.load == load
    if caps_apply:
        for juror in jurors:
            if juror.get("max_load") is not None:
                assert load[juror["juror"]] <= juror["max_load"]

    element = {j["juror"]: j["element"] for j in jurors}
    expected_unmet = set()
    for entry_id, panel in panels.items():
        assert len(panel) == len(set(panel)), f"{entry_id} has a juror twice"
        assert len(panel) <= per_entry
        if len(panel) < per_entry:
            expected_unmet.add((entry_id, "per_entry"))
        if required:
            for name in REQUIRED_ELEMENTS:
                if not any(element[j] == name for j in panel):
                    expected_unmet.add((entry_id, f"element:{name}"))
    assert {(u["entry"], u["constraint"]) for u in result.unmet} == expected_unmet
    assert all(u["detail"] for u in result.unmet)
    assert result.optimal == (not expected_unmet)


def lexicographic_value(panels, entries, jurors, affinity, required: bool) -> tuple[int, int, int]:
    """Return (required elements met, seats filled, affinity in integer cost units) for an assignment."""
    element = {j["juror"]: j["element"] for j in jurors}
    met = filled = score = 0
    for entry in entries:
        panel = panels.get(entry["entry"], [])
        filled += len(panel)
        score += sum(round(1000 * affinity.get((j, entry["entry"]), 0.0)) for j in panel)
        if required:
            met += sum(any(element[j] == name for j in panel) for name in REQUIRED_ELEMENTS)
    return met, filled, score


def brute_force_best(entries, jurors, conflicts, affinity, per_entry: int, required: bool) -> tuple[int, int, int]:
    """Exhaustively try every panel (any subset of at most K eligible jurors) for every entry, within the caps."""
    conflicts = independent_conflicts(entries, jurors, conflicts)
    juror_ids = [j["juror"] for j in jurors]
    caps = tuple(j["max_load"] for j in jurors)

    def options(entry_id):
        eligible = [k for k, j in enumerate(juror_ids) if (j, entry_id) not in conflicts]
        return [combo for size in range(min(per_entry, len(eligible)) + 1)
                for combo in itertools.combinations(eligible, size)]

    choices = [options(e["entry"]) for e in entries]

    @lru_cache(maxsize=None)
    def best(index: int, loads: tuple[int, ...]) -> tuple[int, int, int]:
        if index == len(entries):
            return (0, 0, 0)
        entry = entries[index]
        winner = None
        for combo in choices[index]:
            new_loads = list(loads)
            for k in combo:
                new_loads[k] += 1
            if any(n > c for n, c in zip(new_loads, caps)):
                continue
            here = lexicographic_value({entry["entry"]: [juror_ids[k] for k in combo]}, [entry], jurors,
                                       affinity, required)
            rest = best(index + 1, tuple(new_loads))
            total = tuple(a + b for a, b in zip(here, rest))
            winner = total if winner is None else max(winner, total)
        return winner

    return best(0, tuple(0 for _ in jurors))


def panels_of(result: AssignmentResult) -> dict[str, list[str]]:
    panels: dict[str, list[str]] = {}
    for entry_id, juror_id in result.assignments:
        panels.setdefault(entry_id, []).append(juror_id)
    return panels


# ---------------------------------------------------------------- strategies

@st.composite
def instances(draw, max_entries=6, max_jurors=8, capped_at_fair_share=False, per_entry=None, all_elements=False):
    """Draw a small contest. ``all_elements`` makes the first three jurors one of each required element."""
    n_entries = draw(st.integers(1, max_entries))
    n_jurors = draw(st.integers(3 if all_elements else 1, max_jurors))
    k = per_entry if per_entry is not None else draw(st.integers(1, 4))
    entry_ids = [f"e{i}" for i in range(n_entries)]
    entries = [{"entry": eid, "institution": draw(st.sampled_from(INSTITUTIONS)),
                "parent_institution": draw(st.sampled_from(INSTITUTIONS))} for eid in entry_ids]
    fair_share = math.ceil(n_entries * k / n_jurors)
    cap_strategy = (st.integers(0, fair_share) if capped_at_fair_share
                    else st.one_of(st.none(), st.integers(0, n_entries)))
    forced = REQUIRED_ELEMENTS if all_elements else ()
    jurors = [{"juror": f"j{i}", "element": forced[i] if i < len(forced) else draw(st.sampled_from(ELEMENTS)),
               "institution": draw(st.sampled_from(INSTITUTIONS)),
               "max_load": draw(cap_strategy),
               "team_entries": set(draw(st.lists(st.sampled_from(entry_ids), max_size=2)))}
              for i in range(n_jurors)]
    pairs = [(j["juror"], e) for j in jurors for e in entry_ids]
    declared = set(draw(st.lists(st.sampled_from(pairs), max_size=len(pairs) // 4)))
    affinity = {pair: draw(st.integers(0, 1000)) / 1000 for pair in pairs if draw(st.booleans())}
    return entries, jurors, declared, affinity, k


# ---------------------------------------------------------------- property tests

@settings(max_examples=200, deadline=None)
@given(instances(), st.booleans(), st.sets(st.sampled_from(["elements", "max_load"])),
       st.one_of(st.none(), st.integers(0, 2**32)))
def test_every_assignment_respects_hard_constraints(instance, require, relax, seed):
    entries, jurors, declared, affinity, k = instance
    required = pool_requires_elements(jurors, require and "elements" not in relax)
    if required and k < len(REQUIRED_ELEMENTS):
        with pytest.raises(ValueError, match="cannot hold"):
            assign(entries, jurors, declared, affinity, per_entry=k, require_elements=require,
                   relax=frozenset(relax), seed=seed)
        return
    result = assign(entries, jurors, declared, affinity, per_entry=k, require_elements=require,
                    relax=frozenset(relax), seed=seed)
    assert_hard_constraints(result, entries, jurors, declared, k, required, caps_apply="max_load" not in relax)
    expected_affinity = sum(affinity.get((j, e), 0.0) for e, j in result.assignments)
    assert result.total_affinity == pytest.approx(expected_affinity)


@settings(max_examples=60, deadline=None)
@given(instances(max_entries=4, max_jurors=5, capped_at_fair_share=True, per_entry=2))
def test_optimal_against_brute_force_without_elements(instance):
    entries, jurors, declared, affinity, k = instance
    result = assign(entries, jurors, declared, affinity, per_entry=k, require_elements=False)
    best = brute_force_best(entries, jurors, declared, affinity, k, required=False)
    assert lexicographic_value(panels_of(result), entries, jurors, affinity, False) == best
    assert result.total_affinity == pytest.approx(best[2] / 1000)


@settings(max_examples=40, deadline=None)
@given(instances(max_entries=3, max_jurors=6, capped_at_fair_share=True, per_entry=3, all_elements=True))
def test_optimal_against_brute_force_with_elements(instance):
    entries, jurors, declared, affinity, k = instance
    result = assign(entries, jurors, declared, affinity, per_entry=k)
    best = brute_force_best(entries, jurors, declared, affinity, k, required=True)
    assert lexicographic_value(panels_of(result), entries, jurors, affinity, True) == best


# ---------------------------------------------------------------- worked examples

def three_element_pool(per_element: int = 2, **extra) -> list[dict]:
    return [{"juror": f"{el[:3]}{i}", "element": el, "institution": f"home-{el}-{i}", **extra}
            for el in REQUIRED_ELEMENTS for i in range(per_element)]


def plain_entries(n: int) -> list[dict]:
    return [{"entry": f"E{i}", "institution": f"entrant-{i}"} for i in range(n)]


def test_each_entry_gets_one_of_each_element():
    entries, jurors = plain_entries(4), three_element_pool()
    result = assign(entries, jurors)
    assert result.optimal and not result.unmet
    element = {j["juror"]: j["element"] for j in jurors}
    for panel in panels_of(result).values():
        assert sorted(element[j] for j in panel) == sorted(REQUIRED_ELEMENTS)
    assert set(result.load.values()) == {2}


def test_conflict_with_every_bureaucrat_is_reported_exactly_and_relax_elements_fills_the_panel():
    entries = plain_entries(3)
    jurors = three_element_pool() + [{"juror": "oth0", "element": "other", "institution": ""}]
    declared = {("bur0", "E1"), ("bur1", "E1")}
    result = assign(entries, jurors, declared)
    assert [(u["entry"], u["constraint"]) for u in result.unmet] == [("E1", "element:bureaucracy")]
    assert "all 2 bureaucracy jurors have a conflict" in result.unmet[0]["detail"]
    assert not result.optimal
    assert len(panels_of(result)["E1"]) == 3  # the seat is still filled, by a non-bureaucrat

    relaxed = assign(entries, jurors, declared, relax=frozenset({"elements"}))
    assert relaxed.unmet == [] and relaxed.optimal
    assert all(len(p) == 3 for p in panels_of(relaxed).values())


def test_pool_without_an_element_is_reported_not_silently_dropped():
    """No bureaucrat at all used to give "optimal, nothing unmet"; one bureaucrat with
    load 1 gave "not optimal": the more complete pool looked worse."""
    entries = plain_entries(30)
    pool = [{"juror": f"{el[:3]}{i}", "element": el, "institution": ""}
            for el in ("academic", "ngo", "other") for i in range(10)]
    without = assign(entries, pool)
    assert not without.optimal
    assert {(u["entry"], u["constraint"]) for u in without.unmet} == {(e["entry"], "element:bureaucracy") for e in entries}
    assert all(u["detail"] == "no bureaucracy juror assigned: the pool has no bureaucracy juror" for u in without.unmet)
    assert all(len(p) == 3 for p in panels_of(without).values())  # seats still filled

    one = assign(entries, pool + [{"juror": "bur0", "element": "bureaucracy", "institution": "", "max_load": 1}])
    assert len(one.unmet) == 29 < len(without.unmet)
    assert all(u["constraint"] == "element:bureaucracy" for u in one.unmet)

    relaxed = assign(entries, pool, relax=frozenset({"elements"}))
    assert relaxed.optimal and relaxed.unmet == []


def test_too_small_pool_reports_per_entry_shortfall():
    entries = plain_entries(2)
    jurors = [{"juror": "a", "element": "academic", "institution": ""},
              {"juror": "b", "element": "ngo", "institution": "entrant-0"}]
    result = assign(entries, jurors, per_entry=2, require_elements=False)
    assert [(u["entry"], u["constraint"]) for u in result.unmet] == [("E0", "per_entry")]
    assert result.unmet[0]["detail"] == "received 1 of 2 jurors: only 1 of 2 jurors are free of conflicts"
    assert sorted(panels_of(result)["E1"]) == ["a", "b"]


def test_tight_max_load_is_reported_and_relax_max_load_lifts_it():
    entries = plain_entries(4)
    jurors = three_element_pool(per_element=1, max_load=3)
    result = assign(entries, jurors)
    assert max(result.load.values()) <= 3
    unmet = {(u["entry"], u["constraint"]) for u in result.unmet}
    assert len([c for _, c in unmet if c == "per_entry"]) == 1  # 9 seats of capacity for 12 needed
    assert all("load is taken by other entries" in u["detail"] for u in result.unmet)

    relaxed = assign(entries, jurors, relax=frozenset({"max_load"}))
    assert relaxed.unmet == [] and set(relaxed.load.values()) == {4}


def test_load_is_balanced_even_against_mild_expertise_preference():
    entries = plain_entries(10)
    jurors = [{"juror": f"j{i}", "element": "other", "institution": ""} for i in range(5)]
    affinity = {("j0", e["entry"]): 0.2 for e in entries}  # gain 200 per seat; overload costs 300
    result = assign(entries, jurors, affinity=affinity, per_entry=1, require_elements=False)
    assert set(result.load.values()) == {2}


def test_strong_expertise_may_overload_within_cap():
    entries = plain_entries(10)
    jurors = [{"juror": f"j{i}", "element": "other", "institution": "", "max_load": 3} for i in range(5)]
    affinity = {("j0", e["entry"]): 1.0 for e in entries}  # gain 1000 per seat beats a 300 overload
    result = assign(entries, jurors, affinity=affinity, per_entry=1, require_elements=False)
    assert result.load["j0"] == 3 and result.optimal


def test_seed_is_deterministic_and_breaks_ties_differently():
    entries, jurors = plain_entries(6), three_element_pool(per_element=3)
    runs = {seed: assign(entries, jurors, seed=seed).assignments for seed in range(8)}
    assert assign(entries, jurors, seed=3).assignments == runs[3]
    assert len({tuple(a) for a in runs.values()}) > 1


def test_unknown_affinity_keys_and_conflict_ids_are_ignored():
    entries, jurors = plain_entries(2), three_element_pool(per_element=1)
    result = assign(entries, jurors, conflicts={("ghost", "E0"), ("aca0", "nope")},
                    affinity={("ghost", "E0"): 1.0, ("aca0", "E0"): 0.5})
    assert result.optimal and result.total_affinity == pytest.approx(0.5)


@pytest.mark.parametrize("kwargs, message", [
    ({"relax": frozenset({"everything"})}, "unknown relaxation"),
    ({"per_entry": 2}, "cannot hold"),
    ({"per_entry": 0}, "at least 1"),
])
def test_invalid_arguments_are_rejected(kwargs, message):
    with pytest.raises(ValueError, match=message):
        assign(plain_entries(1), three_element_pool(per_element=1), **kwargs)


@pytest.mark.parametrize("jurors, message", [
    ([{"juror": "x", "element": "judge", "institution": ""}], "unknown juror element"),
    ([{"juror": "x", "element": "ngo", "institution": ""}] * 2, "duplicate juror"),
    ([{"juror": "x", "element": "ngo", "institution": "", "max_load": -1}], "max_load"),
])
def test_invalid_jurors_are_rejected(jurors, message):
    with pytest.raises(ValueError, match=message):
        assign(plain_entries(1), jurors, per_entry=1)


def test_empty_pool_lists_every_entry_unmet():
    result = assign(plain_entries(2), [], per_entry=1, require_elements=False)
    assert [(u["entry"], u["constraint"]) for u in result.unmet] == [("E0", "per_entry"), ("E1", "per_entry")]
    assert result.assignments == [] and result.load == {}


def test_to_json_shape():
    result = assign(plain_entries(1), three_element_pool(per_element=1), affinity={("ngo0", "E0"): 0.25})
    data = result.to_json()
    assert set(data) == {"assignments", "load", "total_affinity", "optimal", "unmet"}
    assert data["assignments"] == [{"entry": "E0", "juror": j} for j in ("aca0", "bur0", "ngo0")]
    assert data["load"] == {"aca0": 1, "ngo0": 1, "bur0": 1}
    assert data["total_affinity"] == pytest.approx(0.25) and data["optimal"] is True and data["unmet"] == []


# ---------------------------------------------------------------- full panel and conflict detection

def test_full_panel_assigns_every_non_conflicted_pair():
    entries = plain_entries(3) + [{"entry": "E3", "institution": "x", "parent_institution": "home-academic-0"}]
    jurors = three_element_pool(per_element=1) + [
        {"juror": "team", "element": "other", "institution": "", "team_entries": {"E2"}},
        {"juror": "same", "element": "other", "institution": "entrant-1"},
    ]
    declared = {("ngo0", "E0")}
    result = full_panel(entries, jurors, declared)
    conflicts = independent_conflicts(entries, jurors, declared)
    expected = sorted((e["entry"], j["juror"]) for e in entries for j in jurors
                      if (j["juror"], e["entry"]) not in conflicts)
    assert result.assignments == expected
    assert ("E0", "ngo0") not in result.assignments and ("E2", "team") not in result.assignments
    assert ("E1", "same") not in result.assignments and ("E3", "aca0") not in result.assignments
    assert [(u["entry"], u["constraint"]) for u in result.unmet] == [("E0", "element:ngo"),
                                                                      ("E3", "element:academic")]


def test_full_panel_flags_entry_with_no_juror():
    result = full_panel(plain_entries(1), [{"juror": "j", "element": "ngo", "institution": ""}], {("j", "E0")},
                        require_elements=False)
    assert [(u["entry"], u["constraint"]) for u in result.unmet] == [("E0", "per_entry")]


def test_full_panel_reports_an_element_missing_from_the_pool():
    jurors = [{"juror": "a", "element": "academic", "institution": ""}, {"juror": "n", "element": "ngo", "institution": ""}]
    result = full_panel(plain_entries(2), jurors)
    assert [(u["entry"], u["constraint"]) for u in result.unmet] == [("E0", "element:bureaucracy"),
                                                                      ("E1", "element:bureaucracy")]
    assert not result.optimal
    assert full_panel(plain_entries(2), jurors, require_elements=False).optimal


def test_detect_conflicts_rules():
    entries = [
        {"entry": "same", "institution": "Universitas Gadjah Mada"},
        {"entry": "parent", "institution": "Dinas Kesehatan", "parent_institution": "Pemprov DIY"},
        {"entry": "team", "institution": ""},
        {"entry": "clean", "institution": ""},
    ]
    jurors = [
        {"juror": "ugm", "element": "academic", "institution": "universitas  gadjah mada"},
        {"juror": "diy", "element": "bureaucracy", "institution": "Pemprov DIY"},
        {"juror": "member", "element": "ngo", "institution": "", "team_entries": {"team"}},
        {"juror": "blank", "element": "other", "institution": ""},
    ]
    assert detect_conflicts(entries, jurors) == {("ugm", "same"), ("diy", "parent"), ("member", "team")}
