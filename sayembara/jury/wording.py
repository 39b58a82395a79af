"""The assignment's unmet constraints in the organiser's words.

The solver (``sayembara_score.assignment``) reports each unmet constraint with
an English ``detail`` for its command line and the same facts as data
(``cause``, ``element``, ``free``, ``pool``, ``received``, ``need``); pages
say them from the data, in the user's language.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from .models import Juror


def unmet_sentence(item: dict) -> str:
    """One unmet constraint as a sentence (the entry number is shown beside it)."""
    cause = item.get("cause")
    constraint = item.get("constraint", "")
    if constraint.startswith("element:"):
        code = item.get("element") or constraint.partition(":")[2]
        words = {"element": Juror.Element(code).label if code in Juror.Element.values else code,
                 "free": item.get("free", 0), "pool": item.get("pool", 0)}
        if cause == "no_pool":
            return _("No juror of the %(element)s element: there is none in the jury at all. Add one, or relax the "
                     "composition rule knowingly.") % words
        if cause == "conflicts":
            return _("No juror of the %(element)s element: all %(pool)s of them have a conflict of interest with "
                     "this entry.") % words
        if cause == "load":
            return _("No juror of the %(element)s element: %(free)s of them are free of conflicts, but their "
                     "maximum load went to other entries.") % words
        return _("No juror of the %(element)s element.") % words
    if constraint == "per_entry":
        words = {"received": item.get("received", 0), "need": item.get("need", 0), "free": item.get("free", 0),
                 "pool": item.get("pool", 0)}
        if cause == "conflicts":
            return _("%(received)s of %(need)s jurors: only %(free)s of the %(pool)s jurors are free of conflicts "
                     "with this entry.") % words
        if cause == "load":
            return _("%(received)s of %(need)s jurors: %(free)s jurors are free of conflicts, but their maximum "
                     "load went to other entries.") % words
        return _("Fewer jurors than the panel needs.")
    return _("A constraint of the assignment is not met.")


def unmet_rows(unmet: list[dict]) -> list[dict]:
    return [{"entry": item.get("entry", ""), "sentence": unmet_sentence(item)} for item in unmet]
