"""Results of an edition: read scores into the numeric core, keep its rankings, decide and publish.

The arithmetic lives in ``sayembara_score`` (no Django); this module only
moves data between the database and that package, and keeps each computed
ranking as rows (``RankingRun``/``RankedEntry``) so that pages read a stored
result in a fixed number of queries instead of recomputing it.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Avg, Count, Exists, Max, Min, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.editions.models import Edition, Stage
from sayembara.entries.models import Entry
from sayembara.errors import DomainError
from sayembara.jury.models import Conflict, Score, ScoreSheet
from sayembara_score import ScoreDataError, ScoreRow, WeightScheme, rank, reliability_from_scores, sensitivity

from . import notices
from .models import Award, JuryVote, Publication, RankedEntry, RankingRun, ResultSettings

FINAL = "final"


class ResultsError(DomainError):
    """A refused step of ranking, deciding or publishing, with a message for the user."""


class NoScoresYet(ResultsError):
    """Nothing to rank: no submitted score sheet in the edition (or stage) yet."""


class RankingInputError(ResultsError):
    """The numeric core refused the stored scores or weights; the message says why in words."""


class RankingOutOfDate(ResultsError):
    """A paper or file would state a ranking that is missing or older than the scores: compute it first."""


class ResultsLocked(ResultsError):
    """Raised when something would change results that are locked or published."""


def settings_for(edition: Edition) -> ResultSettings:
    """The edition's result settings, or unsaved defaults: reading them never writes (a GET stays a GET).

    The first ``save()`` of the defaults (the settings form, locking, the sequence) creates the row.
    """
    return ResultSettings.objects.filter(edition=edition).first() or ResultSettings(edition=edition)


# --- Reading scores -------------------------------------------------------


@dataclass(frozen=True)
class ScoreInputs:
    """Everything the numeric core needs for one edition, with ids as strings."""

    rows: list[ScoreRow]
    weights: WeightScheme
    stage_names: dict[str, str]  # stage key -> display name
    criterion_names: dict[str, str]
    unscored_stages: tuple[str, ...] = ()  # stage keys left out: no submitted sheet yet


def stage_key(stage: Stage) -> str:
    return stage.kind


def load_inputs(edition: Edition, stage: Stage | None = None) -> ScoreInputs:
    """Scores of submitted sheets, each criterion put on a 0–100 scale, in two queries."""
    stages = list(Stage.objects.filter(edition=edition).prefetch_related("criteria").order_by("order"))
    if stage is not None:
        stages = [s for s in stages if s.pk == stage.pk]
    criteria = {c.pk: (s, c) for s in stages for c in s.criteria.all()}
    rows = []
    # A conflict of interest recorded after a juror scored the entry takes that juror's scores out of the
    # ranking: a conflicted opinion must not count, whenever the conflict came to light.
    conflicted = Conflict.objects.filter(juror_id=OuterRef("sheet__juror_id"), entry_id=OuterRef("sheet__entry_id"))
    values = Score.objects.filter(
        sheet__stage__in=stages, sheet__status=ScoreSheet.Status.SUBMITTED
    ).filter(~Exists(conflicted)).values_list("sheet__entry_id", "sheet__juror_id", "criterion_id", "value")
    for entry_id, juror_id, criterion_id, value in values.iterator(chunk_size=5000):
        s, c = criteria[criterion_id]
        rows.append(
            ScoreRow(entry=str(entry_id), juror=str(juror_id), criterion=c.code, score=c.on_scale_of_100(value),
                     stage=stage_key(s))
        )
    # A stage nobody has submitted a sheet for yet (the interview, while proposals are ranked) is left out of
    # the weights, and the run says so; the core would otherwise refuse its weighted criteria as unknown.
    scored = {row.stage for row in rows}
    unscored = tuple(stage_key(s) for s in stages if stage_key(s) not in scored)
    stages = [s for s in stages if stage_key(s) in scored] if rows else stages
    weights = WeightScheme(
        criteria={(stage_key(s), c.code): float(c.weight) for s in stages for c in s.criteria.all()},
        stages={stage_key(s): float(s.weight) for s in stages},
        stage_order=tuple(stage_key(s) for s in stages),
        # Scores are put on 0-100 above: the core refuses anything outside, whatever slipped past the forms.
        ranges={(stage_key(s), c.code): (0.0, 100.0) for s in stages for c in s.criteria.all()},
    )
    return ScoreInputs(
        rows=rows,
        weights=weights,
        stage_names={stage_key(s): s.name for s in stages},
        criterion_names={c.code: c.name for s in stages for c in s.criteria.all()},
        unscored_stages=unscored if rows else (),
    )


def fingerprint(edition: Edition, stage: Stage | None = None) -> str:
    """A cheap summary of the submitted sheets: when it changes, stored rankings are stale.

    It reads sheets, not the (three times more) scores: every change to a score
    touches its sheet's ``updated_at`` (see ``sayembara.jury.signals``).
    """
    sheets = ScoreSheet.objects.filter(stage__edition=edition, status=ScoreSheet.Status.SUBMITTED)
    if stage is not None:
        sheets = sheets.filter(stage=stage)
    agg = sheets.aggregate(n=Count("pk"), last=Max("updated_at"), top=Max("pk"))
    last = agg["last"].isoformat() if agg["last"] else "-"
    conflicts = Conflict.objects.filter(juror__edition=edition).aggregate(n=Count("pk"), top=Max("pk"))
    return f"{agg['n']}:{agg['top'] or 0}:{last}:{conflicts['n']}:{conflicts['top'] or 0}"


# --- Computing rankings ---------------------------------------------------


def _tiebreaks(edition: Edition, chain: list[str], inputs: ScoreInputs) -> list[dict[str, float]]:
    """Per-entry keys for the edition's tie-break chain (higher wins)."""
    keys = []
    for link in chain:
        kind, _sep, name = link.partition(":")
        if kind == "stage":
            rows = [r for r in inputs.rows if r.stage == name]
            keys.append(_mean_by_entry(rows))
        elif kind == "criterion":
            rows = [r for r in inputs.rows if r.criterion == name]
            keys.append(_mean_by_entry(rows))
        elif kind == "jury_vote":
            keys.append({str(e): float(v) for e, v in JuryVote.objects.filter(edition=edition).values_list("entry_id", "votes")})
    return keys


def _mean_by_entry(rows) -> dict[str, float]:
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for row in rows:
        sums[row.entry][0] += row.score
        sums[row.entry][1] += 1
    return {entry: total / n for entry, (total, n) in sums.items()}


def compute_ranking(edition: Edition, stage: Stage | None = None, method: str | None = None) -> RankingRun:
    """Rank an edition (final) or one stage with the edition's settings, and store the result."""
    conf = settings_for(edition)
    method = method or conf.method
    started = time.perf_counter()
    print_fp = fingerprint(edition, stage)
    inputs = load_inputs(edition, stage)
    if not inputs.rows:
        raise NoScoresYet(_("There are no submitted score sheets to rank yet."))
    try:
        ranking = rank(
            inputs.rows,
            weights=inputs.weights,
            method=method,
            bootstrap=conf.bootstrap,
            seed=conf.seed,
            top=conf.prize_count,
            tiebreaks=_tiebreaks(edition, conf.tiebreak_chain, inputs),
        )
    except ScoreDataError as error:
        raise RankingInputError(notices.input_problem(error, inputs.stage_names, inputs.criterion_names)) from error
    plain = rank(inputs.rows, weights=inputs.weights, method="mean", bootstrap=0)
    plain_scores = {row.entry: row.score for row in plain.entries}
    sens = sensitivity(inputs.rows, weights=inputs.weights, top=conf.prize_count)
    with transaction.atomic():
        run = RankingRun.objects.create(
            edition=edition,
            stage=stage,
            method=method,
            method_used=ranking.method,
            bootstrap=ranking.bootstrap,
            seed=conf.seed,
            top=conf.prize_count,
            fingerprint=print_fp,
            seconds=0,
            warnings=[notices.unscored_stage(k) for k in inputs.unscored_stages] + notices.stored(ranking.warnings),
            design=[c.to_json() for c in ranking.components],
            mc_error=None if ranking.mc_error is None else ranking.mc_error.to_json(),
            reliability=reliability_summary(inputs),
            sensitivity={row.entry: dict(row.ranks) for row in sens.rows},
            leniency={f"{j.stage}:{j.juror}": j.leniency for j in ranking.jurors if j.leniency is not None},
        )
        RankedEntry.objects.bulk_create(
            RankedEntry(
                run=run,
                entry_id=int(row.entry),
                score=row.score,
                plain_mean=plain_scores.get(row.entry),
                rank=row.rank,
                rank_low=row.rank_low,
                rank_high=row.rank_high,
                p_top=row.p_top,
                tie=row.tie,
                furthest_stage=row.stage,
            )
            for row in ranking.entries
        )
        RankingRun.objects.filter(pk=run.pk).update(seconds=time.perf_counter() - started)
    run.seconds = time.perf_counter() - started
    return run


def reliability_summary(inputs: ScoreInputs) -> dict:
    """Reliability of each stage's sheet totals and of each criterion within it."""
    summary: dict[str, dict] = {}
    by_stage: dict[str, list[ScoreRow]] = defaultdict(list)
    for row in inputs.rows:
        by_stage[row.stage].append(row)
    for stage, rows in by_stage.items():
        stage_weights = WeightScheme(criteria={k: w for k, w in inputs.weights.criteria.items() if k[0] == stage})
        report, _warnings = reliability_from_scores(rows, stage_weights)
        per_criterion = {}
        for code in sorted({r.criterion for r in rows}):
            crit_rows = [r for r in rows if r.criterion == code]
            crit_report, _w = reliability_from_scores(crit_rows, WeightScheme(criteria={(stage, code): 1.0}))
            per_criterion[code] = _report_dict(crit_report)
        summary[stage] = {"total": _report_dict(report), "criteria": per_criterion}
    return summary


def _report_dict(report) -> dict:
    data = report.to_json()
    data["design"] = report.design
    data["n_ratings"] = report.n_ratings
    return data


def latest_run(edition: Edition, stage: Stage | None = None, method: str | None = None) -> RankingRun | None:
    method = method or settings_for(edition).method
    return RankingRun.objects.filter(edition=edition, stage=stage, method=method).first()


def current_run(edition: Edition, stage: Stage | None = None, method: str | None = None) -> tuple[RankingRun | None, bool]:
    """The stored ranking and whether it is stale (scores changed since it was computed)."""
    run = latest_run(edition, stage, method)
    if run is None:
        return None, True
    return run, run.fingerprint != fingerprint(edition, stage)


def ranked_rows(run: RankingRun):
    return (
        RankedEntry.objects.filter(run=run)
        .select_related("entry__institution__type", "entry__category")
        .order_by("rank", "entry__code")
    )


def explain_entry(edition: Edition, entry: Entry) -> dict:
    """How an entry's score was made: each sheet's criteria, weights and totals, per stage."""
    stages = list(Stage.objects.filter(edition=edition).prefetch_related("criteria").order_by("order"))
    sheets = (
        ScoreSheet.objects.filter(entry=entry, stage__edition=edition)
        .select_related("juror__user", "stage")
        .prefetch_related("scores__criterion")
        .order_by("stage__order", "juror__element")
    )
    by_stage: dict[int, list] = defaultdict(list)
    conflicted = set(Conflict.objects.filter(entry=entry).values_list("juror_id", flat=True))
    for sheet in sheets:
        weights = {c.pk: float(c.weight) for c in sheet.stage.criteria.all()}
        parts = []
        for score in sheet.scores.all():
            c = score.criterion
            normalised = c.on_scale_of_100(score.value)
            parts.append({"criterion": c, "value": score.value, "normalised": normalised, "weight": weights[c.pk],
                          "justification": score.justification})
        weight_sum = sum(p["weight"] for p in parts)
        complete = len(parts) == len(weights)
        total = sum(p["weight"] * p["normalised"] for p in parts) / weight_sum if complete and weight_sum else None
        by_stage[sheet.stage_id].append({"sheet": sheet, "parts": parts, "total": total, "complete": complete,
                                         "conflicted": sheet.juror_id in conflicted})
    return {"stages": [(s, by_stage.get(s.pk, [])) for s in stages]}


# --- Advancement between stages --------------------------------------------


def propose_advancement(stage: Stage, run: RankingRun) -> list[int]:
    """Entry ids that pass ``stage`` under its advancement rule, from a ranking of that stage."""
    # Four numbers a row, not 5,000 entries loaded whole: the stage's page asks on every view.
    rows = list(run.rows.order_by("rank").values_list("entry_id", "entry__category_id", "rank", "score"))
    rule, value = stage.advancement, stage.advancement_value
    if rule == Stage.Advancement.ALL or value is None:
        return [entry for entry, _category, _rank, _score in rows]
    if rule == Stage.Advancement.TOP_N:
        return [entry for entry, _category, rank, _score in rows if rank <= int(value)]
    if rule == Stage.Advancement.TOP_N_PER_CATEGORY:
        taken: dict[int | None, int] = defaultdict(int)
        chosen = []
        for entry, category, _rank, _score in rows:
            if taken[category] < int(value):
                taken[category] += 1
                chosen.append(entry)
        return chosen
    return [entry for entry, _category, _rank, score in rows if score >= float(value)]


@transaction.atomic
def advancement_problems(stage: Stage) -> list[str]:
    """Why advancing from ``stage`` now would cut entries on an incomplete judgement."""
    from sayembara.jury.models import Assignment

    problems = []
    if stage.status == Stage.Status.OPEN:
        problems.append(_("The stage is still open: jurors may still change their scores."))
    assigned = Assignment.objects.filter(stage=stage).exclude(
        Exists(Conflict.objects.filter(juror_id=OuterRef("juror_id"), entry_id=OuterRef("entry_id"))))
    submitted = set(ScoreSheet.objects.filter(stage=stage, status=ScoreSheet.Status.SUBMITTED).values_list("juror_id", "entry_id"))
    missing = sum(1 for pair in assigned.values_list("juror_id", "entry_id") if pair not in submitted)
    if missing:
        problems.append(_("%(missing)s of %(total)s score sheets are not submitted.") % {"missing": missing, "total": assigned.count()})
    _run, stale = current_run(stage.edition, stage)
    if stale:
        problems.append(_("Scores changed since the ranking was computed: compute it again."))
    return problems


@transaction.atomic
def confirm_advancement(stage: Stage, entry_ids: list[int], by=None, reason: str = "") -> int:
    """Move the chosen entries to the next stage (recorded on each entry, so audited). Refused while the stage's
    judgement is incomplete (open, sheets missing, ranking stale) unless the organiser records why."""
    from sayembara.audit.trail import acting_as

    next_stage = Stage.objects.filter(edition=stage.edition, order__gt=stage.order).order_by("order").first()
    if next_stage is None:
        raise ResultsError(_("This is the last stage: nothing to advance to."))
    problems = advancement_problems(stage)
    reason = reason.strip()
    if problems and not reason:
        raise ResultsError(_("Not advanced: %(problems)s Close the stage and complete the sheets first, or record why "
                             "the entries must advance now.") % {"problems": " ".join(problems)})
    moved = 0
    with acting_as(by, note=_("Advanced to %(stage)s") % {"stage": next_stage.name} + (f": {reason}" if reason else "")):
        for entry in Entry.objects.filter(pk__in=entry_ids, edition=stage.edition):
            entry.reached_stage = next_stage
            entry.save(update_fields=["reached_stage", "updated_at"])
            moved += 1
    return moved


# --- Deciding and publishing ------------------------------------------------

AWARD_TITLES = ["Juara I", "Juara II", "Juara III", "Harapan I", "Harapan II", "Harapan III"]


def propose_awards(edition: Edition, run: RankingRun) -> list[dict]:
    """Per category, the top entries of the final ranking with the usual prize titles."""
    conf = settings_for(edition)
    proposal = []
    taken: dict[int | None, int] = defaultdict(int)
    for row in ranked_rows(run):
        category = row.entry.category_id
        if taken[category] < min(conf.prize_count, len(AWARD_TITLES)):
            proposal.append({"row": row, "title": AWARD_TITLES[taken[category]], "order": taken[category] + 1})
            taken[category] += 1
    return proposal


def correction_open(edition: Edition):
    from .models import Correction

    return Correction.objects.filter(edition=edition, published_at__isnull=True).first()


def _check_unlocked(edition: Edition):
    published = Publication.objects.filter(edition=edition).exists()
    if (published and correction_open(edition) is None) or settings_for(edition).locked_at:
        raise ResultsLocked(_("The results are locked: unlock them before changing the winners."))


@transaction.atomic
def save_awards(edition: Edition, decisions: list[dict]) -> None:
    """Replace the edition's awards with ``decisions`` ({entry, title, order, category, final_score})."""
    _check_unlocked(edition)
    Award.objects.filter(edition=edition).delete()
    for d in decisions:
        Award.objects.create(edition=edition, **d)


@transaction.atomic
def record_jury_votes(edition: Edition, votes: dict, by=None) -> int:
    """Record the jury's votes ({entry: votes}) for tied entries: the last link of a tie-break chain.

    Refused like the winners once the results are locked or published (outside an open correction), since a
    vote can reorder a tie.
    """
    _check_unlocked(edition)
    for entry, count in votes.items():
        if entry.edition_id != edition.pk:
            raise ResultsError(_("Votes were sent for an entry that is not in this edition: nothing was saved."))
        JuryVote.objects.update_or_create(edition=edition, entry=entry, defaults={"votes": count})
    return len(votes)


def lock(edition: Edition, user) -> None:
    """Fix the corrected winners while a correction (ralat) is open. (Before the final publication the winners are
    fixed by the jury's decision: ``sequence.decide``.)"""
    if correction_open(edition) is None:
        raise ResultsError(_("The winners are fixed by the decision after the public test, not by a lock."))
    conf = settings_for(edition)
    if not Award.objects.filter(edition=edition).exists():
        raise ResultsError(_("Decide the winners before locking the results."))
    conf.locked_at = timezone.now()
    conf.locked_by = user
    conf.save()


def unlock(edition: Edition) -> None:
    if correction_open(edition) is None:
        raise ResultsLocked(_("Only the winners of an open correction can be unlocked; before the final publication, "
                              "take the decision back."))
    conf = settings_for(edition)
    conf.locked_at = None
    conf.locked_by = None
    conf.save()


def canonical_json(data) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def publication_payload(edition: Edition, run: RankingRun) -> dict:
    """Inputs and outputs of the published ranking, with entries by code and jurors by a neutral number."""
    inputs = load_inputs(edition)
    codes = dict(Entry.objects.filter(edition=edition).values_list("pk", "code"))
    juror_numbers = {j: f"J{n}" for n, j in enumerate(sorted({r.juror for r in inputs.rows}, key=int), start=1)}
    scores = sorted(
        [codes[int(r.entry)], juror_numbers[r.juror], r.criterion, round(r.score, 6), r.stage] for r in inputs.rows
    )
    return {
        "edition": {"year": edition.year, "title": edition.title, "host": edition.host},
        "method": run.method,
        "bootstrap": run.bootstrap,
        "seed": run.seed,
        "top": run.top,
        "weights": {
            "criteria": sorted([s, c, w] for (s, c), w in inputs.weights.criteria.items()),
            "stages": [[s, inputs.weights.stages[s]] for s in inputs.weights.stage_order],
        },
        "scores": scores,
        "ranking": [
            {
                "entry": r.entry.code,
                "title": r.entry.title,
                "institution": r.entry.institution.name,
                "score": round(r.score, 6),
                "rank": r.rank,
                "rank_low": r.rank_low,
                "rank_high": r.rank_high,
                "tie": r.tie,
            }
            for r in ranked_rows(run)
        ],
        "awards": [
            {"entry": a.entry.code, "title": a.title, "category": a.category.name if a.category else "", "order": a.order}
            for a in Award.objects.filter(edition=edition).select_related("entry", "category")
        ],
    }


# --- Plain final scores (used by the demo loader and the feedback letters) ---


def final_scores(edition: Edition) -> dict[int, float]:
    """Mean-of-jurors final score per entry id (criteria on 0–100, stages by weight), via the numeric core."""
    inputs = load_inputs(edition)
    if not inputs.rows:
        return {}
    ranking = rank(inputs.rows, weights=inputs.weights, method="mean", bootstrap=0)
    return {int(row.entry): row.score for row in ranking.entries}


def field_statistics(edition: Edition) -> dict[tuple[str, str], dict]:
    """Per (stage name, criterion name), the field's mean, lowest and highest score (for feedback letters)."""
    rows = (
        Score.objects.filter(sheet__stage__edition=edition, sheet__status=ScoreSheet.Status.SUBMITTED)
        .values("sheet__stage__name", "criterion__name")
        .annotate(mean=Avg("value"), low=Min("value"), high=Max("value"))
    )
    return {
        (r["sheet__stage__name"], r["criterion__name"]): {"mean": float(r["mean"]), "low": float(r["low"]), "high": float(r["high"])}
        for r in rows
    }


def round_score(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 3)))
