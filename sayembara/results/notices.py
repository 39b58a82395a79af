"""The numeric core's warnings and refusals in the organiser's words and names.

The core (``sayembara_score``) speaks English with ids, for its command line;
its warnings are :class:`sayembara_score.Notice` strings that also carry a
``code`` and ``params``.  A ranking run stores them as ``{"code", "params",
"text"}`` (the English text kept as evidence), and pages say them through
:func:`describe`, with entry numbers, juror and stage names, in the user's
language.  A code this module does not know is shown as a neutral sentence,
never as the engine's English.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sayembara.entries.models import Entry
from sayembara.jury.models import Juror

# Shown from the run's stored design instead (see RankingRun.separate_groups).
SHOWN_ELSEWHERE = {"separate_groups"}


def stored(warnings) -> list[dict]:
    """The core's warnings as stored on a run (codes, ids, and the English text as evidence)."""
    return [
        {"code": getattr(w, "code", "other"), "params": dict(getattr(w, "params", {})), "text": str(w)}
        for w in warnings
        if getattr(w, "code", None) not in SHOWN_ELSEWHERE
    ]


def unscored_stage(stage_key: str) -> dict:
    return {"code": "stage_unscored", "params": {"stage": stage_key}, "text": f"stage '{stage_key}' has no scores yet"}


def describe(notices: list, edition) -> list[str]:
    """Each stored notice as a sentence; names are read in at most two queries."""
    notices = [n if isinstance(n, dict) else {"code": "other", "params": {}, "text": str(n)} for n in notices]
    if not notices:
        return []
    entry_ids = {int(n["params"]["entry"]) for n in notices if str(n["params"].get("entry", "")).isdigit()}
    juror_ids = {int(n["params"]["juror"]) for n in notices if str(n["params"].get("juror", "")).isdigit()}
    entries = dict(Entry.objects.filter(pk__in=entry_ids).values_list("pk", "code")) if entry_ids else {}
    jurors = dict(Juror.objects.filter(pk__in=juror_ids).values_list("pk", "user__full_name")) if juror_ids else {}
    edition_stages = list(edition.stages.prefetch_related("criteria"))
    stages = {s.kind: s.name for s in edition_stages}
    criteria = {c.code: c.name for s in edition_stages for c in s.criteria.all()}

    def name(mapping, value):
        value = str(value)
        return str(mapping.get(int(value), value)) if value.isdigit() else value

    sentences = []
    for notice in notices:
        p = notice["params"]
        words = {
            "entry": name(entries, p.get("entry", "")),
            "juror": name(jurors, p.get("juror", "")),
            "stage": stages.get(p.get("stage", ""), p.get("stage", "")),
            "criteria": ", ".join(criteria.get(c, c) for c in p.get("criteria", [])),
            "count": p.get("count", 0),
        }
        sentences.append(_sentence(notice["code"], words))
    return sentences


def _sentence(code: str, w: dict) -> str:
    if code == "incomplete_sheet":
        return _("The sheet of %(juror)s for %(entry)s in stage %(stage)s is incomplete (without %(criteria)s): it is "
                 "left out, not counted as zero.") % w
    if code == "no_complete_sheet":
        return _("%(entry)s has no complete sheet in stage %(stage)s, so it is not ranked in that stage.") % w
    if code == "zscore_single_sheet":
        return _("%(juror)s filled in a single sheet in stage %(stage)s: that juror's standard scores are set to 0 "
                 "(the juror's own average).") % w
    if code == "zscore_zero_spread":
        return _("%(juror)s gave every entry the same total in stage %(stage)s: that juror's standard scores are "
                 "set to 0.") % w
    if code == "single_sheet_resampling":
        return ngettext(
            "%(count)s entry has a single sheet in stage %(stage)s: its rank range cannot show how much jurors differ.",
            "%(count)s entries have a single sheet in stage %(stage)s: their rank ranges cannot show how much jurors "
            "differ.", w["count"]) % w
    if code == "stage_unscored":
        return _("Stage %(stage)s has no submitted sheets yet: this ranking does not include it.") % w
    return _("The computation left a technical note for the system's administrator.")


def input_problem(error, stage_names: dict[str, str], criterion_names: dict[str, str]) -> str:
    """Why the core refused the scores, as a sentence for the organiser."""
    problem = getattr(error, "problem", None)
    if problem is None:
        return _("The stored scores cannot be used to compute a ranking. Please tell the system's administrator.")
    words = {"criterion": criterion_names.get(problem.criterion, problem.criterion),
             "stage": stage_names.get(problem.stage, problem.stage)}
    if problem.kind == "unknown_criterion":
        return _("Criterion %(criterion)s of stage %(stage)s has a weight but no submitted sheet scores it (was it "
                 "added after scoring?). Have it scored, or remove it, then compute again.") % words
    if problem.kind == "unweighted_criterion":
        return _("Criterion %(criterion)s of stage %(stage)s is scored but has no weight. Give it a weight, then "
                 "compute again.") % words
    return _("Stage %(stage)s has a weight but no submitted sheets.") % words
