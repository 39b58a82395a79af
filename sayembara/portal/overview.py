"""What the home page, an edition's public page and the organiser's dashboard show, read from every app."""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q

from sayembara.editions.models import Criterion, Edition, Stage
from sayembara.entries.models import Entry
from sayembara.results.models import Award

ENTRIES_PAGE_SIZE = 100
"""Entries listed per page of an edition (a national contest has thousands: never the whole list)."""


def edition_overview(edition: Edition, page_number=None) -> dict:
    """Everything the public page of an edition shows, in a fixed number of queries; entries one page at a time."""
    stages = list(
        Stage.objects.filter(edition=edition).prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.order_by("order"))
        )
    )
    entries, page, type_totals = [], None, {}
    makers_hidden = edition.makers_hidden
    if not makers_hidden and (edition.results_are_public or not _screening_pending(edition)):
        listed = (
            Entry.objects.visible_to_public()
            .filter(edition=edition)
            .select_related("institution__type", "category")
            .order_by("institution__type__order", "title", "pk")
        )
        page = Paginator(listed, ENTRIES_PAGE_SIZE).get_page(page_number)
        entries = list(page.object_list)
        type_totals = dict(listed.order_by().values_list("institution__type").annotate(n=Count("pk")))
    awards = []
    if edition.results_are_public:
        awards = list(
            Award.objects.filter(edition=edition).select_related("entry__institution", "category").order_by(
                "category__order", "order"
            )
        )
    counts = Entry.objects.filter(edition=edition).aggregate(
        submitted=Count("pk", filter=~Q(status__in=Entry.NOT_SENT)),
        passed=Count("pk", filter=Q(status=Entry.Status.PASSED)),
    )
    return {
        "edition": edition,
        "phases": list(edition.phases.select_related("stage").all()),
        "stages": stages,
        "entries": entries,
        "awards": awards,
        "counts": counts,
        "entries_by_type": _group_by_type(entries, type_totals),
        "entries_page": page,
        "makers_hidden": makers_hidden,
    }


def _screening_pending(edition: Edition) -> bool:
    """Whether screening results exist but are not announced yet: then no entry is named in public."""
    from sayembara.entries.models import EntrySettings

    return EntrySettings.objects.filter(edition=edition, screening_published_at__isnull=True).exists()


def _group_by_type(entries, totals: dict) -> list[tuple]:
    """(type, its entries on this page, its entries in all) in page order."""
    groups: dict = {}
    for entry in entries:
        groups.setdefault(entry.institution.type, []).append(entry)
    return [(kind, group, totals.get(kind.pk, len(group))) for kind, group in groups.items()]


def participation_by_year() -> list[dict]:
    """Submitted entries per public edition, oldest first (for the trend chart)."""
    rows = (
        Edition.objects.public()
        .annotate(n=Count("entries", filter=~Q(entries__status__in=Entry.NOT_SENT)))
        .order_by("year")
        .values("year", "n")
    )
    return list(rows)


def organiser_overview(edition: Edition) -> dict:
    """Counts the organiser watches: entries by status and type, scoring progress per stage."""
    from sayembara.jury.models import Assignment, ScoreSheet

    by_status = dict(
        Entry.objects.filter(edition=edition).values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    status_rows = [(label, by_status.get(value, 0)) for value, label in Entry.Status.choices]
    by_type = list(
        Entry.objects.submitted()
        .filter(edition=edition)
        .values("institution__type__name")
        .annotate(n=Count("pk"))
        .order_by("institution__type__order")
    )
    assigned = dict(
        Assignment.objects.filter(stage__edition=edition).values_list("stage").annotate(n=Count("pk")).values_list("stage", "n")
    )
    submitted = dict(
        ScoreSheet.objects.filter(stage__edition=edition, status=ScoreSheet.Status.SUBMITTED)
        .values_list("stage")
        .annotate(n=Count("pk"))
        .values_list("stage", "n")
    )
    progress = []
    for stage in Stage.objects.filter(edition=edition):
        expected = assigned.get(stage.pk, 0)
        done = submitted.get(stage.pk, 0)
        progress.append(
            {"stage": stage, "expected": expected, "done": done, "percent": round(100 * done / expected) if expected else 0}
        )
    return {"status_rows": status_rows, "by_type": by_type, "progress": progress}
