"""Scores of an edition, read from the database into the numeric core's shape."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import F

from sayembara.editions.models import Edition, Stage
from sayembara.jury.models import Score, ScoreSheet


def submitted_scores(edition: Edition) -> list[dict]:
    """Every criterion score on a submitted sheet of ``edition``, one dict per score, in one query."""
    return list(
        Score.objects.filter(sheet__stage__edition=edition, sheet__status=ScoreSheet.Status.SUBMITTED).values(
            "value",
            entry=F("sheet__entry_id"),
            juror=F("sheet__juror_id"),
            stage=F("sheet__stage_id"),
            criterion_pk=F("criterion_id"),
        )
    )


def final_scores(edition: Edition) -> dict[int, float]:
    """Plain weighted final score per entry id: criteria on a 0–100 scale, mean over jurors, stages by weight.

    Entries that did not reach a stage are scored on the stages they reached,
    re-weighted; the results pages use the numeric core for corrected ranks.
    """
    stages = {s.pk: s for s in Stage.objects.filter(edition=edition).prefetch_related("criteria")}
    criteria = {c.pk: c for s in stages.values() for c in s.criteria.all()}
    sheet_parts: dict[tuple, list] = defaultdict(lambda: [0.0, 0.0])
    for row in submitted_scores(edition):
        criterion = criteria[row["criterion_pk"]]
        low, high = float(criterion.min_score), float(criterion.max_score)
        normalised = 100 * (float(row["value"]) - low) / (high - low)
        part = sheet_parts[(row["stage"], row["entry"], row["juror"])]
        part[0] += float(criterion.weight) * normalised
        part[1] += float(criterion.weight)
    stage_sheets: dict[tuple, list[float]] = defaultdict(list)
    for (stage, entry, _juror), (total, weight) in sheet_parts.items():
        stage_sheets[(stage, entry)].append(total / weight)
    combined: dict[int, list] = defaultdict(lambda: [0.0, 0.0])
    for (stage, entry), totals in stage_sheets.items():
        weight = float(stages[stage].weight)
        combined[entry][0] += weight * sum(totals) / len(totals)
        combined[entry][1] += weight
    return {entry: total / weight for entry, (total, weight) in combined.items() if weight}
