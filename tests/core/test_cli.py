"""The ``sayembara-score`` command line: outputs, formats and input errors."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sayembara_score.cli import main

REPO = Path(__file__).resolve().parents[2]

SCORES = """entry,juror,criterion,score
E1,J1,innovation,80
E1,J1,impact,70
E1,J2,innovation,75
E1,J2,impact,72
E2,J1,innovation,60
E2,J1,impact,65
E2,J3,innovation,62
E2,J3,impact,61
E3,J2,innovation,90
E3,J2,impact,88
E3,J3,innovation,85
E3,J3,impact,80
"""

WEIGHTS = """criterion,weight
innovation,0.6
impact,0.4
"""


def write(tmp_path: Path, name: str, text: str, bom: bool = False) -> str:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return str(path)


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_rank_json_shape_and_order(tmp_path, capsys):
    scores = write(tmp_path, "scores.csv", SCORES, bom=True)
    weights = write(tmp_path, "weights.csv", WEIGHTS)
    status, out, err = run(
        ["rank", scores, "--weights", weights, "--bootstrap", "200", "--seed", "1", "--top", "1", "--format", "json"],
        capsys,
    )
    assert status == 0
    payload = json.loads(out)
    assert set(payload) == {"method", "uncertainty", "draws", "mc_error", "entries", "jurors", "design", "warnings"}
    assert payload["method"] == "additive"
    assert (payload["uncertainty"], payload["draws"]) == ("posterior", 200)
    assert set(payload["mc_error"]) == {"draws", "groups", "rank_end", "p_top"}
    assert payload["design"] == [{"stage": "", "entries": 3, "jurors": 3, "sheets": 6, "main": True}]
    assert [set(e) for e in payload["entries"]] == [
        {"entry", "score", "rank", "rank_low", "rank_high", "p_top", "tie"}
    ] * 3
    assert [e["rank"] for e in payload["entries"]] == [1, 2, 3]
    assert payload["entries"][0]["entry"] == "E3"
    assert {j["juror"] for j in payload["jurors"]} == {"J1", "J2", "J3"}
    assert all(isinstance(j["leniency"], float) for j in payload["jurors"])


def test_rank_json_is_reproducible_with_a_seed(tmp_path, capsys):
    scores = write(tmp_path, "scores.csv", SCORES)
    argv = ["rank", scores, "--method", "mean", "--bootstrap", "300", "--seed", "9", "--format", "json"]
    assert run(argv, capsys)[1] == run(argv, capsys)[1]


def test_rank_table_is_aligned(tmp_path, capsys):
    scores = write(tmp_path, "scores.csv", SCORES)
    status, out, _ = run(["rank", scores, "--bootstrap", "50"], capsys)
    assert status == 0
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("rank"))
    assert set(lines[header + 1].replace(" ", "")) == {"-"}
    column = lines[header].index("entry")
    assert all(row[column - 2 : column] == "  " for row in lines[header + 2 : header + 5])
    assert "Juror leniency" in out


def test_disconnected_design_warns_on_stderr_in_table_mode(tmp_path, capsys):
    text = "entry,juror,criterion,score\nA,J1,c,5\nA,J2,c,6\nB,J3,c,7\nB,J4,c,8\n"
    status, out, err = run(["rank", write(tmp_path, "s.csv", text), "--bootstrap", "0"], capsys)
    assert status == 0
    assert "warning: design has 2 separate groups; entries 'B' rest on jurors" in err
    assert "Method: additive" in out  # no silent fallback to the plain mean


def test_reliability_json_shape(tmp_path, capsys):
    rows = ["entry,juror,criterion,score"]
    data = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    rows += [f"T{t},J{j},overall,{v}" for t, row in enumerate(data) for j, v in enumerate(row)]
    status, out, _ = run(["reliability", write(tmp_path, "s.csv", "\n".join(rows) + "\n"), "--format", "json"], capsys)
    assert status == 0
    payload = json.loads(out)
    assert set(payload) == {"n_entries", "n_jurors", "icc", "krippendorff_alpha", "kendall_w", "jurors"}
    assert (payload["n_entries"], payload["n_jurors"]) == (6, 4)
    assert set(payload["icc"]) == {"ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"}
    assert round(payload["icc"]["ICC2"], 2) == 0.29
    assert [set(j) for j in payload["jurors"]] == [{"juror", "deviation", "outlier"}] * 4


def test_reliability_json_has_nulls_for_incomplete_design(tmp_path, capsys):
    status, out, _ = run(["reliability", write(tmp_path, "s.csv", SCORES), "--format", "json"], capsys)
    payload = json.loads(out)
    assert status == 0
    assert payload["icc"]["ICC2"] is None and payload["kendall_w"] is None
    assert payload["icc"]["ICC1"] is not None  # 2 sheets per entry: balanced one-way


def test_reliability_table(tmp_path, capsys):
    status, out, _ = run(["reliability", write(tmp_path, "s.csv", SCORES)], capsys)
    assert status == 0
    assert "ICC(1,1)" in out and "Krippendorff alpha (interval)" in out and "n/a" in out


ERROR_CASES = [
    # (scores text, weights text or None, expected file, line, fragment)
    ("entry,juror,score\nE1,J1,5\n", None, "scores.csv", 1, "missing column 'criterion'"),
    ("entry,juror,criterion,score\nE1,J1,c,5\nE1,J2,c,five\n", None, "scores.csv", 3, "is not a number"),
    ("entry,juror,criterion,score\nE1,J1,c,5\nE1,J2,c,nan\n", None, "scores.csv", 3, "not a finite number"),
    ("entry,juror,criterion,score\nE1,J1,c,5\nE2,J1,c,6\nE1,J1,c,7\n", None, "scores.csv", 4, "duplicate row"),
    ("entry,juror,criterion,score\nE1,J1,c,5\nE1,,c,6\n", None, "scores.csv", 3, "empty value for 'juror'"),
    ("entry,juror,criterion,score\nE1,J1,c,5\n", "criterion,weight\nc,1\nnovelty,2\n", "weights.csv", 3, "unknown criterion 'novelty'"),
    ("entry,juror,criterion,score\nE1,J1,c,5\nE1,J1,d,5\n", "criterion,weight\nc,1\n", "scores.csv", 3, "criterion 'd' has no weight"),
    ("entry,juror,criterion,score\nE1,J1,c,5\n", "criterion,weight\nc,1\nc,2\n", "weights.csv", 3, "duplicate row"),
    ("entry,juror,criterion,score\nE1,J1,c,5\n", "criterion,weight\nc,-1\n", "weights.csv", 2, "negative"),
    ("entry,juror,criterion,score\nE1,J1,c,5\n", "criterion\nc\n", "weights.csv", 1, "missing column 'weight'"),
    ("", None, "scores.csv", 1, "empty file"),
]


@pytest.mark.parametrize("scores_text, weights_text, bad_file, line, fragment", ERROR_CASES)
def test_malformed_rank_input_exits_2_with_file_and_line(tmp_path, capsys, scores_text, weights_text, bad_file, line, fragment):
    argv = ["rank", write(tmp_path, "scores.csv", scores_text), "--bootstrap", "10"]
    if weights_text is not None:
        argv += ["--weights", write(tmp_path, "weights.csv", weights_text)]
    status, out, err = run(argv, capsys)
    assert status == 2
    assert out == ""
    assert err.startswith(f"{tmp_path / bad_file}:{line}: ")
    assert fragment in err


def test_missing_file_exits_2(tmp_path, capsys):
    missing = str(tmp_path / "nope.csv")
    for argv in (["rank", missing], ["reliability", missing], ["assign", missing, missing]):
        status, out, err = run(argv, capsys)
        assert (status, out) == (2, "")
        assert err.startswith(f"{missing}:0: cannot open file")


def test_bad_arguments_exit_2(tmp_path, capsys):
    status, out, err = run(["rank", write(tmp_path, "s.csv", SCORES), "--method", "borda"], capsys)
    assert (status, out) == (2, "")
    assert "invalid choice" in err


def test_python_dash_m_entry_point(tmp_path):
    scores = write(tmp_path, "scores.csv", SCORES)
    env = os.environ | {"PYTHONPATH": str(REPO)}
    ok = subprocess.run(
        [sys.executable, "-m", "sayembara_score", "rank", scores, "--bootstrap", "20", "--format", "json"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["entries"][0]["rank"] == 1
    bad = subprocess.run(
        [sys.executable, "-m", "sayembara_score", "reliability", str(tmp_path / "absent.csv")],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert (bad.returncode, bad.stdout) == (2, "")


needs_assignment = pytest.mark.skipif(
    importlib.util.find_spec("sayembara_score.assignment") is None, reason="assignment module not written yet"
)

ENTRIES = "entry,institution,category\nE1,Kab. A,health\nE2,Kab. B,education\nE3,Kab. C,\n"
JURORS = (
    "juror,element,institution,max_load\n"
    "J1,academic,Univ X,3\nJ2,ngo,LSM Y,\nJ3,bureaucracy,Kab. A,3\n"
    "J4,academic,Univ Z,3\nJ5,ngo,LSM W,3\nJ6,bureaucracy,Kab. D,3\n"
)


@needs_assignment
def test_assign_json_shape(tmp_path, capsys):
    entries = write(tmp_path, "entries.csv", ENTRIES)
    jurors = write(tmp_path, "jurors.csv", JURORS)
    conflicts = write(tmp_path, "conflicts.csv", "juror,entry\nJ1,E2\n")
    affinity = write(tmp_path, "affinity.csv", "juror,entry,affinity\nJ4,E1,0.9\nJ5,E3,0.4\n")
    status, out, err = run(
        ["assign", entries, jurors, "--conflicts", conflicts, "--affinity", affinity, "--per-entry", "3", "--format", "json"],
        capsys,
    )
    assert status == 0, err
    payload = json.loads(out)
    assert set(payload) == {"assignments", "load", "total_affinity", "optimal", "unmet"}
    pairs = {(a["entry"], a["juror"]) for a in payload["assignments"]}
    assert ("E2", "J1") not in pairs
    assert len(pairs) == 9


@needs_assignment
def test_assign_table(tmp_path, capsys):
    status, out, _ = run(["assign", write(tmp_path, "e.csv", ENTRIES), write(tmp_path, "j.csv", JURORS)], capsys)
    assert status == 0
    assert "Total affinity" in out and "load" in out


@needs_assignment
@pytest.mark.parametrize(
    "name, text, line, fragment",
    [
        ("conflicts.csv", "juror,entry\nJ1,E9\n", 2, "unknown entry 'E9'"),
        ("conflicts.csv", "juror,entry\nJ1,E1\nJ1,E1\n", 3, "duplicate"),
        ("affinity.csv", "juror,entry,affinity\nJ1,E1,high\n", 2, "is not a number"),
        ("jurors.csv", "juror,element,institution\nJ1,professor,Univ X\n", 2, "unknown element 'professor'"),
        ("jurors.csv", "juror,element,institution,max_load\nJ1,academic,U,-2\n", 2, "max_load"),
        ("entries.csv", "entry,institution\nE1,A\nE1,B\n", 3, "duplicate entry"),
        ("entries.csv", "entry\nE1\n", 1, "missing column 'institution'"),
    ],
)
def test_malformed_assign_input_exits_2_with_file_and_line(tmp_path, capsys, name, text, line, fragment):
    files = {"entries.csv": ENTRIES, "jurors.csv": JURORS} | {name: text}
    paths = {n: write(tmp_path, n, t) for n, t in files.items()}
    argv = ["assign", paths["entries.csv"], paths["jurors.csv"]]
    if name == "conflicts.csv":
        argv += ["--conflicts", paths[name]]
    if name == "affinity.csv":
        argv += ["--affinity", paths[name]]
    status, out, err = run(argv, capsys)
    assert (status, out) == (2, "")
    assert err.startswith(f"{paths[name]}:{line}: ")
    assert fragment in err


@needs_assignment
def test_assign_reports_an_element_missing_from_the_pool_and_relax_drops_it_knowingly(tmp_path, capsys):
    no_bureaucrat = "juror,element,institution\nJ1,academic,Univ X\nJ2,ngo,LSM Y\nJ4,academic,Univ Z\nJ5,ngo,LSM W\n"
    entries, jurors = write(tmp_path, "e.csv", ENTRIES), write(tmp_path, "j.csv", no_bureaucrat)
    status, out, _ = run(["assign", entries, jurors, "--format", "json"], capsys)
    payload = json.loads(out)
    assert status == 0 and payload["optimal"] is False
    assert [(u["entry"], u["constraint"]) for u in payload["unmet"]] == [
        ("E1", "element:bureaucracy"), ("E2", "element:bureaucracy"), ("E3", "element:bureaucracy"),
    ]
    status, out, _ = run(["assign", entries, jurors], capsys)
    assert "optimal: no" in out and "the pool has no bureaucracy juror" in out
    status, out, _ = run(["assign", entries, jurors, "--relax", "elements", "--format", "json"], capsys)
    assert json.loads(out)["optimal"] is True and json.loads(out)["unmet"] == []


TYPO_CASES = [
    # (score as written in the file, fragment of the error)
    ("8_5", "underscores are not allowed"),
    ("\u0668\u0665", "use the digits 0-9"),  # Arabic-Indic 85
    ('"85,5"', "write the decimal with a point, 85.5"),
    ('"1,000"', "without thousands separators"),
    ("1 000", "without thousands separators"),
]


@pytest.mark.parametrize("written, fragment", TYPO_CASES)
def test_typos_are_refused_with_file_and_line_not_read_as_scores(tmp_path, capsys, written, fragment):
    scores = write(tmp_path, "scores.csv", f"entry,juror,criterion,score\nE1,J1,c,80\nE2,J1,c,{written}\n")
    status, out, err = run(["rank", scores, "--bootstrap", "0"], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(f"{scores}:3: score ")
    assert fragment in err


def test_weights_declare_each_criterion_range_and_a_score_outside_is_refused(tmp_path, capsys):
    scores = write(tmp_path, "scores.csv", "entry,juror,criterion,score\nE1,J1,c,80\nE2,J1,c,850\nE1,J1,d,4\nE2,J1,d,5\n")
    weights = write(tmp_path, "weights.csv", "criterion,weight,min,max\nc,1,0,100\nd,1,1,5\n")
    status, out, err = run(["rank", scores, "--weights", weights, "--bootstrap", "0"], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(f"{scores}:3: score 850 is outside the range 0 to 100 of criterion 'c' ({weights}:2)")
    fixed = write(tmp_path, "fixed.csv", "entry,juror,criterion,score\nE1,J1,c,80\nE2,J1,c,85\nE1,J1,d,4\nE2,J1,d,5\n")
    assert run(["rank", fixed, "--weights", weights, "--bootstrap", "0"], capsys)[0] == 0


@pytest.mark.parametrize("row, fragment", [
    ("c,1,0,\n", "needs both min and max"),
    ("c,1,100,0\n", "min 100 is not below max 0"),
    ("c,1,0,1_00\n", "underscores"),
])
def test_malformed_ranges_are_refused(tmp_path, capsys, row, fragment):
    scores = write(tmp_path, "scores.csv", "entry,juror,criterion,score\nE1,J1,c,80\n")
    weights = write(tmp_path, "weights.csv", "criterion,weight,min,max\n" + row)
    status, _, err = run(["rank", scores, "--weights", weights, "--bootstrap", "0"], capsys)
    assert status == 2 and err.startswith(f"{weights}:2: ") and fragment in err


def test_json_output_never_contains_nan(tmp_path, capsys):
    # Every juror gives every entry the same total: no variance, so the ICCs are undefined.
    flat = "entry,juror,criterion,score\n" + "".join(f"E{e},J{j},c,5\n" for e in range(3) for j in range(3))
    path = write(tmp_path, "flat.csv", flat)
    for argv in (["reliability", path, "--format", "json"], ["rank", path, "--bootstrap", "200", "--format", "json"]):
        status, out, _ = run(argv, capsys)
        assert status == 0
        json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in JSON output"))


def test_affinity_is_read_column_wise_with_the_same_result_as_row_by_row(tmp_path):
    from sayembara_score.csvio import AffinityTable, read_affinity

    plain = write(tmp_path, "a.csv", "juror,entry,affinity,note\r\nJ1,E1,0.5,x\r\nJ2,E1,1e-1,\r\nJ1,E2,-2,y\r\n")
    quoted = write(tmp_path, "q.csv", 'juror,entry,affinity,note\nJ1,E1,0.5,"x"\nJ2,E1,1e-1,\nJ1,E2,-2,y\n')
    fast, slow = read_affinity(plain, {"E1", "E2"}, {"J1", "J2"}), read_affinity(quoted, {"E1", "E2"}, {"J1", "J2"})
    assert isinstance(fast, AffinityTable) and not isinstance(slow, AffinityTable)
    assert dict(fast) == slow == {("J1", "E1"): 0.5, ("J2", "E1"): 0.1, ("J1", "E2"): -2.0}


@pytest.mark.parametrize("text, line, fragment", [
    ("juror,entry,affinity\nJ1,E1,0.5\nJ1,E2,8_5\n", 3, "underscores"),
    ("juror,entry,affinity\nJ1,E1,0.5\nJ1,E1,0.7\n", 3, "duplicate"),
    ("juror,entry,affinity\nJ1,E1,0.5\n\nJ9,E2,1\n", 4, "unknown juror 'J9'"),
    ("juror,entry,affinity\nJ1,E1,0.5,extra\n", 2, "4 fields, header has 3"),
])
def test_column_wise_affinity_reader_still_points_at_the_line(tmp_path, text, line, fragment):
    from sayembara_score.csvio import CsvError, read_affinity

    path = write(tmp_path, "a.csv", text)
    with pytest.raises(CsvError) as caught:
        read_affinity(path, {"E1", "E2"}, {"J1", "J2"})
    assert str(caught.value).startswith(f"{path}:{line}: ") and fragment in str(caught.value)


def test_rank_takes_its_settings_from_a_published_json(tmp_path, capsys):
    scores, weights = write(tmp_path, "s.csv", SCORES), write(tmp_path, "w.csv", WEIGHTS)
    published = write(tmp_path, "published.json", json.dumps({"method": "mean", "bootstrap": 300, "seed": 9, "top": 2}))
    status, out, _ = run(["rank", scores, "--weights", weights, "--published", published, "--format", "json"], capsys)
    explicit = run(["rank", scores, "--weights", weights, "--method", "mean", "--bootstrap", "300", "--seed", "9",
                    "--top", "2", "--format", "json"], capsys)[1]
    assert status == 0 and json.loads(out) == json.loads(explicit) and json.loads(out)["draws"] == 300


@pytest.mark.parametrize("text, fragment", [
    ("not json", "cannot read the published JSON"),
    ("[1, 2]", "must be an object"),
    ('{"method": "mean", "bootstrap": -1, "seed": 1, "top": 1}', "'bootstrap' is missing or invalid"),
    ('{"method": "magic", "bootstrap": 10, "seed": 1, "top": 1}', "'method' is missing or invalid"),
    ('{"method": "mean", "bootstrap": 10, "seed": true, "top": 1}', "'seed' is missing or invalid"),
])
def test_an_unusable_published_json_exits_2_naming_the_file(tmp_path, capsys, text, fragment):
    published = write(tmp_path, "published.json", text)
    status, out, err = run(["rank", write(tmp_path, "s.csv", SCORES), "--published", published], capsys)
    assert status == 2 and out == "" and err.startswith(f"{published}:0:") and fragment in err
