"""Read the CLI's CSV files, reporting every problem as ``FILE:LINE: reason``.

All files: UTF-8 (a byte-order mark is accepted), comma-separated, one header
row; column names are matched case-insensitively after trimming spaces; extra
columns are ignored; blank lines are skipped.  Line numbers are physical lines
of the file (1 = header); line 0 means the file as a whole (e.g. not found).
"""

from __future__ import annotations

import csv
import itertools
import math
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sayembara_score.aggregation import ALL_STAGES, ScoreRow, WeightScheme, weight_problems


class CsvError(Exception):
    """A problem located in an input file."""

    def __init__(self, path: str | Path, line: int, reason: str):
        super().__init__(f"{path}:{line}: {reason}")
        self.path, self.line, self.reason = str(path), line, reason


def _records(
    path: str | Path,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    may_be_empty: tuple[str, ...] = (),
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, {column: stripped value})`` for each non-blank data row."""
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise CsvError(path, 0, f"cannot open file: {exc.strerror or exc}") from None
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if header is None:
                raise CsvError(path, 1, "empty file: expected a header row")
            names = [h.strip().lower() for h in header]
            for column in required:
                if column not in names:
                    raise CsvError(path, 1, f"missing column '{column}'")
            duplicated = {n for n in names if n and names.count(n) > 1}
            if duplicated:
                raise CsvError(path, 1, f"duplicate column '{sorted(duplicated)[0]}'")
            wanted = {n: names.index(n) for n in required + optional if n in names}
            for fields in reader:
                line = reader.line_num
                if not any(f.strip() for f in fields):
                    continue
                if len(fields) > len(names):
                    raise CsvError(path, line, f"{len(fields)} fields, header has {len(names)}")
                values = {n: (fields[i].strip() if i < len(fields) else "") for n, i in wanted.items()}
                for column in required:
                    if not values[column] and column not in may_be_empty:
                        raise CsvError(path, line, f"empty value for '{column}'")
                yield line, values
        except UnicodeDecodeError:
            raise CsvError(path, reader.line_num + 1, "not valid UTF-8") from None
        except csv.Error as exc:
            raise CsvError(path, reader.line_num, f"malformed CSV: {exc}") from None


NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
"""What a number may look like: ASCII digits, an optional point, an optional exponent.

Stricter than ``float()``, which reads ``8_5`` as 85 and Arabic-Indic digits
as numbers: on a score sheet those are typos, not scores."""
DECIMAL_COMMA = re.compile(r"[+-]?[0-9]+,[0-9]{1,2}", re.ASCII)
THOUSANDS = re.compile(r"[+-]?[0-9]{1,3}(?:[,. ][0-9]{3})+(?:[.,][0-9]+)?", re.ASCII)


def parse_number(text: str) -> float | None:
    """The value of ``text`` if it is a plain number (see :data:`NUMBER`), else ``None``."""
    return float(text) if NUMBER.fullmatch(text) else None


def _number(path: str | Path, line: int, column: str, text: str) -> float:
    value = parse_number(text)
    if value is None:
        raise CsvError(path, line, f"{column} '{text}' is not a number: {_why_not_a_number(text)}")
    if not math.isfinite(value):
        raise CsvError(path, line, f"{column} '{text}' is not a finite number")
    return value


def _why_not_a_number(text: str) -> str:
    """Say how to fix a refused number, for the typos and locale habits we see."""
    if text.strip().lower().lstrip("+-") in ("nan", "inf", "infinity"):
        return "not a finite number"
    if "_" in text:
        return "underscores are not allowed (was it a typo?)"
    if any(not c.isascii() and c.isdigit() for c in text):
        return "use the digits 0-9"
    if DECIMAL_COMMA.fullmatch(text):
        return f"write the decimal with a point, {text.replace(',', '.')} (set the spreadsheet's decimal separator to '.' before exporting)"
    if THOUSANDS.fullmatch(text):
        return "write it without thousands separators"
    return "write a plain number such as 85 or 85.5"


@dataclass(frozen=True)
class _Range:
    low: float
    high: float
    line: int


@dataclass(frozen=True)
class ScoreFile:
    """Parsed SCORES.csv, with the line where each (stage, criterion) first appears."""

    path: str
    rows: list[ScoreRow]
    criterion_lines: dict[tuple[str, str], int]
    row_lines: list[int] = field(default_factory=list)

    @property
    def scored(self) -> dict[str, set[str]]:
        """Criteria scored in each stage."""
        out: dict[str, set[str]] = {}
        for stage, criterion in self.criterion_lines:
            out.setdefault(stage, set()).add(criterion)
        return out


def read_scores(path: str | Path) -> ScoreFile:
    """SCORES.csv: ``entry,juror,criterion,score`` and optional ``stage``."""
    rows: list[ScoreRow] = []
    row_lines: list[int] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    first_line: dict[tuple[str, str], int] = {}
    for line, rec in _records(path, ("entry", "juror", "criterion", "score"), ("stage",)):
        stage = rec.get("stage", ALL_STAGES)
        key = (rec["entry"], rec["juror"], rec["criterion"], stage)
        if key in seen:
            raise CsvError(path, line, f"duplicate row: same entry, juror, criterion and stage as line {seen[key]}")
        seen[key] = line
        first_line.setdefault((stage, rec["criterion"]), line)
        score = _number(path, line, "score", rec["score"])
        rows.append(ScoreRow(rec["entry"], rec["juror"], rec["criterion"], score, stage))
        row_lines.append(line)
    if not rows:
        raise CsvError(path, 1, "no score rows")
    return ScoreFile(str(path), rows, first_line, row_lines)


def read_weights(path: str | Path, scores: ScoreFile) -> WeightScheme:
    """WEIGHTS.csv: ``criterion,weight`` and optional ``stage``, ``min``, ``max``.

    A row with a stage and a blank criterion sets that stage's weight in the
    final score; the order of those rows is the stage order (first round first).
    ``min`` and ``max`` declare a criterion's scale; every score of that
    criterion must lie within it (checked here, so the error points at the
    score's line).
    """
    criteria: dict[tuple[str, str], float] = {}
    stages: dict[str, float] = {}
    ranges: dict[tuple[str, str], _Range] = {}
    lines: dict[tuple[str, str], int] = {}
    # a blank criterion declares a stage weight, so it may be empty here
    for line, rec in _records(path, ("criterion", "weight"), ("stage", "min", "max"), may_be_empty=("criterion",)):
        stage, criterion = rec.get("stage", ALL_STAGES), rec["criterion"]
        if not criterion and not stage:
            raise CsvError(path, line, "empty value for 'criterion'")
        if (stage, criterion) in lines:
            raise CsvError(path, line, f"duplicate row: same criterion and stage as line {lines[(stage, criterion)]}")
        lines[(stage, criterion)] = line
        weight = _number(path, line, "weight", rec["weight"])
        if weight < 0:
            raise CsvError(path, line, f"weight {weight:g} is negative")
        bounds = _range(path, line, rec, criterion)
        if criterion:
            criteria[(stage, criterion)] = weight
            if bounds is not None:
                ranges[(stage, criterion)] = bounds
        else:
            stages[stage] = weight
    scheme = WeightScheme(
        criteria=criteria, stages=stages, stage_order=tuple(stages),
        ranges={key: (r.low, r.high) for key, r in ranges.items()},
    )
    for problem in weight_problems(scheme, scores.scored):
        if problem.kind == "unweighted_criterion":
            line = scores.criterion_lines[(problem.stage, problem.criterion)]
            raise CsvError(scores.path, line, f"{problem.message()} in {path}")
        key = (problem.stage, problem.criterion)
        raise CsvError(path, lines[key], problem.message())
    _check_ranges(scores, ranges, path)
    return scheme


def _range(path: str | Path, line: int, rec: dict[str, str], criterion: str) -> _Range | None:
    """The ``min``/``max`` of a criterion row (both or neither), checked."""
    low_text, high_text = rec.get("min", ""), rec.get("max", "")
    if not low_text and not high_text:
        return None
    if not criterion:
        raise CsvError(path, line, "min and max belong on a criterion row, not on a stage weight")
    if not low_text or not high_text:
        raise CsvError(path, line, f"criterion '{criterion}' needs both min and max, or neither")
    low, high = _number(path, line, "min", low_text), _number(path, line, "max", high_text)
    if not low < high:
        raise CsvError(path, line, f"min {low:g} is not below max {high:g}")
    return _Range(low, high, line)


def _check_ranges(scores: ScoreFile, ranges: dict[tuple[str, str], _Range], weights_path: str | Path) -> None:
    """Refuse the first score outside its criterion's declared range, at its line."""
    if not ranges:
        return
    for row, line in zip(scores.rows, scores.row_lines):
        bounds = ranges.get((row.stage, row.criterion)) or ranges.get((ALL_STAGES, row.criterion))
        if bounds is not None and not bounds.low <= row.score <= bounds.high:
            raise CsvError(
                scores.path, line,
                f"score {row.score:g} is outside the range {bounds.low:g} to {bounds.high:g} of criterion "
                f"'{row.criterion}' ({weights_path}:{bounds.line})",
            )


def read_entries(path: str | Path) -> list[dict]:
    """ENTRIES.csv: ``entry,institution`` and optional ``category``."""
    entries: list[dict] = []
    seen: dict[str, int] = {}
    for line, rec in _records(path, ("entry", "institution"), ("category",)):
        _unique(path, line, "entry", rec["entry"], seen)
        item = {"entry": rec["entry"], "institution": rec["institution"]}
        if rec.get("category"):
            item["category"] = rec["category"]
        entries.append(item)
    return entries


def read_jurors(path: str | Path, elements: Collection[str] | None = None) -> list[dict]:
    """JURORS.csv: ``juror,element,institution`` and optional ``max_load``.

    ``elements``, when given, are the accepted values of ``element``.
    """
    jurors: list[dict] = []
    seen: dict[str, int] = {}
    for line, rec in _records(path, ("juror", "element", "institution"), ("max_load",)):
        _unique(path, line, "juror", rec["juror"], seen)
        if elements is not None and rec["element"] not in elements:
            raise CsvError(path, line, f"unknown element '{rec['element']}'; expected one of {', '.join(elements)}")
        load_text = rec.get("max_load", "")
        max_load = None
        if load_text:
            if not load_text.isdigit():
                raise CsvError(path, line, f"max_load '{load_text}' is not a non-negative integer")
            max_load = int(load_text)
        jurors.append(
            {"juror": rec["juror"], "element": rec["element"], "institution": rec["institution"], "max_load": max_load}
        )
    return jurors


def read_conflicts(path: str | Path, entries: set[str], jurors: set[str]) -> set[tuple[str, str]]:
    """CONFLICTS.csv: ``juror,entry`` pairs that must never be assigned."""
    conflicts: set[tuple[str, str]] = set()
    seen: dict[tuple[str, str], int] = {}
    for line, rec in _records(path, ("juror", "entry")):
        pair = _known_pair(path, line, rec, entries, jurors)
        _unique(path, line, "juror and entry", pair, seen)
        conflicts.add(pair)
    return conflicts


class AffinityTable(Mapping):
    """``(juror, entry) -> affinity`` held as parallel columns, as read from AFFINITY.csv.

    A read-only Mapping like the dict it replaces, but :func:`assignment.assign`
    takes the columns directly, so 1.5 M pairs never become 1.5 M dict items.
    """

    def __init__(self, jurors: list[str], entries: list[str], values: np.ndarray):
        self._jurors, self._entries, self._values = jurors, entries, values
        self._dict: dict[tuple[str, str], float] | None = None

    def columns(self) -> tuple[list[str], list[str], np.ndarray]:
        return self._jurors, self._entries, self._values

    def _as_dict(self) -> dict[tuple[str, str], float]:
        if self._dict is None:
            self._dict = dict(zip(zip(self._jurors, self._entries), self._values.tolist()))
        return self._dict

    def __getitem__(self, key: tuple[str, str]) -> float:
        return self._as_dict()[key]

    def __iter__(self):
        return iter(zip(self._jurors, self._entries))

    def __len__(self) -> int:
        return len(self._values)


def read_affinity(path: str | Path, entries: set[str], jurors: set[str]) -> Mapping[tuple[str, str], float]:
    """AFFINITY.csv: ``juror,entry,affinity`` (higher = better match).

    Read column-wise (a national file has 1.5 M rows: row by row took 8 s);
    a file the fast reader cannot vouch for (quotes, blank lines, any error)
    is re-read row by row, which reports the problem as ``FILE:LINE``.
    """
    fast = _affinity_columns(path, entries, jurors)
    if fast is not None:
        return fast
    affinity: dict[tuple[str, str], float] = {}
    seen: dict[tuple[str, str], int] = {}
    for line, rec in _records(path, ("juror", "entry", "affinity")):
        pair = _known_pair(path, line, rec, entries, jurors)
        _unique(path, line, "juror and entry", pair, seen)
        affinity[pair] = _number(path, line, "affinity", rec["affinity"])
    return affinity


def _affinity_columns(path: str | Path, entries: set[str], jurors: set[str]) -> AffinityTable | None:
    """Vectorised AFFINITY.csv reader for the plain case; ``None`` when unsure."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    text = text.replace("\r\n", "\n")
    if '"' in text or "\r" in text:
        return None
    head, _, body = text.partition("\n")
    names = [h.strip().lower() for h in head.split(",")]
    if len(set(names)) != len(names) or not {"juror", "entry", "affinity"} <= set(names):
        return None
    body = body[:-1] if body.endswith("\n") else body
    if not body or "\n\n" in body:
        return None
    lines = body.count("\n") + 1
    width = len(names)
    fields = body.replace("\n", ",").split(",")
    if len(fields) != lines * width or not _same_width(body, width - 1):
        return None
    juror_col = list(map(str.strip, fields[names.index("juror") :: width]))
    entry_col = list(map(str.strip, fields[names.index("entry") :: width]))
    value_col = list(map(str.strip, fields[names.index("affinity") :: width]))
    # Only digits, points, signs and exponents; numpy then refuses any malformed rest ("1.2.3", "e").
    if NOT_NUMERIC.search("".join(value_col)):
        return None
    juror_code = {j: k for k, j in enumerate(sorted(jurors))}
    entry_code = {e: k for k, e in enumerate(sorted(entries))}
    j = np.fromiter(map(juror_code.get, juror_col, itertools.repeat(-1)), dtype=np.int64, count=lines)
    e = np.fromiter(map(entry_code.get, entry_col, itertools.repeat(-1)), dtype=np.int64, count=lines)
    if (j < 0).any() or (e < 0).any():
        return None
    if np.bincount(j * len(entry_code) + e, minlength=1).max() > 1:
        return None
    try:
        values = np.array(value_col, dtype=np.float64)
    except ValueError:
        return None
    if not np.isfinite(values).all():
        return None
    return AffinityTable(juror_col, entry_col, values)


NOT_NUMERIC = re.compile(r"[^0-9.eE+-]")


def _same_width(body: str, commas: int) -> bool:
    """Whether every line of ``body`` has exactly ``commas`` commas (counted in numpy)."""
    raw = np.frombuffer(body.encode("utf-8") + b"\n", dtype=np.uint8)
    ends = np.flatnonzero(raw == ord("\n"))
    before_end = np.searchsorted(np.flatnonzero(raw == ord(",")), ends)
    return bool(np.all(np.diff(before_end, prepend=0) == commas))


def _known_pair(path: str | Path, line: int, rec: dict[str, str], entries: set[str], jurors: set[str]) -> tuple[str, str]:
    if rec["juror"] not in jurors:
        raise CsvError(path, line, f"unknown juror '{rec['juror']}'")
    if rec["entry"] not in entries:
        raise CsvError(path, line, f"unknown entry '{rec['entry']}'")
    return rec["juror"], rec["entry"]


def _unique(path: str | Path, line: int, what: str, key, seen: dict) -> None:
    if key in seen:
        raise CsvError(path, line, f"duplicate {what}: already on line {seen[key]}")
    seen[key] = line
