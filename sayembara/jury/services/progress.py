"""How far the jurors of a stage are, and reminders to those behind."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sayembara.editions.models import Stage
from sayembara.links import absolute

from ..models import Assignment, Juror, ScoreSheet
from .stages import stage_entries


SHEETS_SHOWN = 50
"""Sheets listed when the organiser looks into one juror or entry, or at the latest submissions."""


def progress(stage: Stage) -> dict:
    """Submitted and draft sheets per juror and in all, in a fixed number of queries; entries are paged by
    :func:`entry_progress`."""
    juror_rows = _juror_progress(stage)
    totals = {"assigned": sum(r["assigned"] for r in juror_rows), "submitted": sum(r["submitted"] for r in juror_rows),
              "behind": sum(1 for r in juror_rows if r["behind"])}
    totals["percent"] = round(100 * totals["submitted"] / totals["assigned"]) if totals["assigned"] else 0
    return {"jurors": juror_rows, "totals": totals}


def entry_progress(stage: Stage, search: str = "", missing: bool = False):
    """The stage's entries with their counts, by number; ``missing`` keeps those with sheets not yet submitted.

    Counted by correlated subqueries, one index look-up per entry listed, rather than by joining assignments
    with sheets (15,000 x 15,000 rows in a national stage)."""
    assigned = Assignment.objects.filter(stage=stage, entry=OuterRef("pk"))
    sheets = ScoreSheet.objects.filter(stage=stage, entry=OuterRef("pk"))
    entries = stage_entries(stage).order_by("code").values("pk", "code", "title").annotate(
        assigned=_count(assigned), submitted=_count(sheets.filter(status=ScoreSheet.Status.SUBMITTED)),
        drafts=_count(sheets.filter(status=ScoreSheet.Status.DRAFT)))
    search = search.strip()[:100]
    if search:
        entries = entries.filter(Q(code__icontains=search) | Q(title__icontains=search))
    if missing:
        entries = entries.filter(submitted__lt=F("assigned"))
    return entries


def _count(queryset) -> Subquery:
    """COUNT(*) of a correlated queryset, as an integer annotation."""
    counted = queryset.order_by().values(row=Value(1)).annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def sheets_of(stage: Stage, juror=None, entry=None) -> list[ScoreSheet]:
    """The stage's sheets of one juror or one entry (every state), or else the latest submitted ones."""
    sheets = ScoreSheet.objects.filter(stage=stage).select_related("juror__user", "entry", "entered_by")
    if juror is not None:
        return list(sheets.filter(juror=juror).order_by("entry__code")[:SHEETS_SHOWN])
    if entry is not None:
        return list(sheets.filter(entry=entry).order_by("juror__user__full_name"))
    return list(sheets.filter(status=ScoreSheet.Status.SUBMITTED).order_by("-submitted_at", "-pk")[:SHEETS_SHOWN])


def _juror_progress(stage: Stage) -> list[dict]:
    """One row per juror of the edition, by name: their counts, whether they are behind, and the share done.
    Three grouped counts (assignments; sheets by state) rather than one join of both."""
    jurors = list(Juror.objects.filter(edition_id=stage.edition_id).select_related("user").order_by("user__full_name"))
    assigned = dict(Assignment.objects.filter(stage=stage).values_list("juror_id").annotate(n=Count("pk"))
                    .values_list("juror_id", "n"))
    by_state: dict = {}
    for juror_id, status, n in (ScoreSheet.objects.filter(stage=stage).values_list("juror_id", "status")
                                .annotate(n=Count("pk")).values_list("juror_id", "status", "n")):
        by_state[(juror_id, status)] = n
    juror_rows = []
    for juror in jurors:
        total = assigned.get(juror.pk, 0)
        submitted = by_state.get((juror.pk, ScoreSheet.Status.SUBMITTED), 0)
        juror_rows.append({"juror": juror, "assigned": total, "submitted": submitted,
                           "drafts": by_state.get((juror.pk, ScoreSheet.Status.DRAFT), 0), "behind": submitted < total,
                           "percent": round(100 * submitted / total) if total else 100})
    return juror_rows


def send_reminders(stage: Stage, by=None) -> int:
    """E-mail every juror with unsubmitted sheets in ``stage``; returns how many were reminded."""
    sent = 0
    for row in progress(stage)["jurors"]:
        if not row["behind"]:
            continue
        _remind(stage, row)
        sent += 1
    return sent


def _remind(stage: Stage, row: dict) -> None:
    """E-mail one juror (a row of :func:`progress`) how many sheets wait, and note when they were reminded."""
    juror = row["juror"]
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: %(count)s score sheets are waiting for you") % {"count": row["assigned"] - row["submitted"]}
        body = _(
            "Dear %(name)s,\n\nIn the stage “%(stage)s” of %(edition)s you have submitted %(done)s of %(total)s "
            "score sheets. Please complete the others: %(url)s\n\nThank you,\nThe organising committee"
        ) % {"name": juror.user.full_name, "stage": stage.name, "edition": stage.edition,
             "done": row["submitted"], "total": row["assigned"], "url": absolute(reverse("jury:dashboard"))}
    send_mail(subject, body, None, [juror.user.email])
    juror.reminded_at = timezone.now()
    juror.save(update_fields=["reminded_at"])
