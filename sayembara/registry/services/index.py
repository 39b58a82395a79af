"""The registry index: one public record and the weighted search words of each innovation, rebuilt after saves."""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from sayembara import jobs
from sayembara.editions.models import Edition
from sayembara.entries.models import Entry, Innovation, ProposalAnswer
from sayembara.results.models import Award

from ..models import RegistryRecord, SearchToken
from ..text import DESCRIPTIVE_SECTIONS, stems
from .similarity import fitted_here, forget_similarity_model

TITLE_WEIGHT = 5
UNIT_WEIGHT = 2
TEXT_WEIGHT = 1

RECORD_FIELDS = [
    "is_public", "title", "institution", "institution_type", "is_digital", "maturity", "status",
    "replication_count", "first_year", "last_year", "years", "award_count", "best_award", "stemmed_text",
    "published_at", "refreshed_at",
]


def _public_entry_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}status__in": Entry.PUBLIC_STATUSES}) & ~Q(**{f"{prefix}edition__status": Edition.Status.DRAFT})


def _is_public_entry(entry: Entry) -> bool:
    """``_public_entry_q`` for an entry already loaded with its edition."""
    return entry.status in Entry.PUBLIC_STATUSES and entry.edition.status != Edition.Status.DRAFT


@dataclass
class IndexSources:
    """Everything a rebuild reads, loaded in a fixed number of queries whatever the number of innovations."""

    innovations: list[Innovation]
    entries: dict[int, list[Entry]]  # per innovation, oldest edition first
    awards: dict[int, list[Award]]  # per innovation, best first
    answers: dict[int, list[str]]  # per innovation, the descriptive answers of its latest entry
    replication_counts: dict[int, int]
    existing: dict[int, RegistryRecord]
    under_blind_judging: set[int]  # edition ids

    @property
    def ids(self) -> list[int]:
        return [i.pk for i in self.innovations]


def refresh_records(innovation_ids: Iterable[int] | None = None) -> int:
    """Rebuild the registry rows and search tokens of some innovations (all when ``None``). Returns how many."""
    if innovation_ids is not None:
        innovation_ids = set(innovation_ids)
    sources = _load_sources(innovation_ids)
    now = timezone.now()
    records, tokens = [], []
    for innovation in sources.innovations:
        record, weights = _index_innovation(innovation, sources, now)
        records.append(record)
        if record.is_public:  # only public innovations can be searched, so only they are indexed
            tokens.extend(SearchToken(innovation_id=innovation.pk, token=t, weight=w) for t, w in weights.items())
    _save_index(records, tokens, innovation_ids, sources.ids)
    forget_similarity_model()
    if not fitted_here(RegistryRecord.objects.count()):  # one count, on every refresh
        # A national registry's model is refitted by the worker, once for a burst of changes.
        transaction.on_commit(lambda: jobs.start(REBUILD_SIMILARITY_TASK, "similarity", scope="registry"))
    return len(records)


# ---------------------------------------------------------------- reading


def _load_sources(innovation_ids: set[int] | None) -> IndexSources:
    """The innovations to index (all when ``innovation_ids`` is None) and what is needed to index them."""
    innovations = Innovation.objects.select_related("institution")
    if innovation_ids is not None:
        innovations = innovations.filter(pk__in=innovation_ids)
    innovations = list(innovations)
    ids = [i.pk for i in innovations]
    entries = _entries_by_innovation(ids, everything=innovation_ids is None)
    return IndexSources(
        innovations=innovations,
        entries=entries,
        awards=_awards_by_innovation(ids, everything=innovation_ids is None),
        answers=_latest_answers(entries, everything=innovation_ids is None),
        replication_counts=dict(
            Innovation.objects.filter(replicated_from__in=ids).values_list("replicated_from")
            .annotate(n=Count("pk")).order_by()
        ),
        existing={r.innovation_id: r for r in RegistryRecord.objects.filter(innovation__in=ids)},
        # An innovation under blind judging leaves the public registry until the blind stage closes: its title
        # would otherwise tell a juror which unit made what they judge.
        under_blind_judging=set(Edition.objects.with_makers_hidden().values_list("pk", flat=True)),
    )


def _entries_by_innovation(ids: list[int], everything: bool) -> dict[int, list[Entry]]:
    found: dict[int, list[Entry]] = defaultdict(list)
    entries = Entry.objects.all() if everything else Entry.objects.filter(innovation__in=ids)
    for entry in entries.select_related("edition").order_by("edition__year"):
        found[entry.innovation_id].append(entry)
    return found


def _awards_by_innovation(ids: list[int], everything: bool) -> dict[int, list[Award]]:
    found: dict[int, list[Award]] = defaultdict(list)
    awards = Award.objects.all() if everything else Award.objects.filter(entry__innovation__in=ids)
    for award in awards.select_related("entry").order_by("order", "-edition__year"):
        found[award.entry.innovation_id].append(award)
    return found


def _latest_answers(entries: dict[int, list[Entry]], everything: bool) -> dict[int, list[str]]:
    # The latest entry's descriptive answers say best what the innovation is now.
    latest_entry_ids = {found[-1].pk: pk for pk, found in entries.items()}
    answers: dict[int, list[str]] = defaultdict(list)
    rows = ProposalAnswer.objects.filter(section__code__in=DESCRIPTIVE_SECTIONS)
    if not everything:
        rows = rows.filter(entry__in=list(latest_entry_ids))
    for entry_id, text in rows.values_list("entry_id", "text"):
        if entry_id in latest_entry_ids:
            answers[latest_entry_ids[entry_id]].append(text)
    return answers


# ---------------------------------------------------------------- one innovation


def _index_innovation(innovation: Innovation, sources: IndexSources, now) -> tuple[RegistryRecord, dict[str, int]]:
    """The innovation's registry record, filled in (not saved), and the weight of each of its search words."""
    entries = sources.entries.get(innovation.pk, [])
    public_entries = [e for e in entries if _is_public_entry(e)]
    record = sources.existing.get(innovation.pk) or RegistryRecord(innovation=innovation)
    record.refreshed_at = now
    blind = any(e.edition_id in sources.under_blind_judging and e.status not in Entry.NOT_SENT for e in entries)
    record.is_public = bool(public_entries) and not blind
    _copy_innovation(record, innovation, sources.replication_counts.get(innovation.pk, 0))
    _set_years_and_awards(record, entries, public_entries, sources.awards.get(innovation.pk, []))
    if record.is_public and record.published_at is None:
        # Published when its first public edition announced results (or now, for an edition still running).
        first = public_entries[0].edition
        record.published_at = first.results_published_at if first.results_are_public else now
    body = " ".join(sources.answers.get(innovation.pk, []))
    titles = " ".join({innovation.title, *(e.title for e in entries)})
    record.stemmed_text = " ".join(stems(f"{titles} {innovation.summary} {body}"))
    return record, _token_weights(innovation, titles, body)


def _copy_innovation(record: RegistryRecord, innovation: Innovation, replication_count: int) -> None:
    record.title = innovation.title[:200]
    record.institution_id = innovation.institution_id
    record.institution_type_id = innovation.institution.type_id
    record.is_digital = innovation.is_digital
    record.maturity = innovation.maturity
    record.status = innovation.status
    record.replication_count = replication_count


def _set_years_and_awards(record: RegistryRecord, entries: list[Entry], public_entries: list[Entry],
                          awards: list[Award]) -> None:
    years = sorted({e.edition.year for e in public_entries})
    record.first_year = years[0] if years else None
    record.last_year = years[-1] if years else None
    record.years = " ".join(str(y) for y in years)
    record.award_count = len(awards)
    record.best_award = ""
    if awards:
        best = awards[0]
        year = next((e.edition.year for e in entries if e.pk == best.entry_id), "")
        record.best_award = f"{best.title} {year}".strip()


def _token_weights(innovation: Innovation, titles: str, body: str) -> dict[str, int]:
    """Each search word of the innovation with its weight: a word of a title counts most, then of the unit's name."""
    weights: dict[str, int] = {}
    for token in stems(f"{innovation.summary} {body}"):
        weights[token] = max(weights.get(token, 0), TEXT_WEIGHT)
    unit = f"{innovation.institution.name} {innovation.institution.short_name}"
    for token in stems(unit):
        weights[token] = max(weights.get(token, 0), UNIT_WEIGHT)
    for token in stems(titles):
        weights[token] = TITLE_WEIGHT
    return weights


# ---------------------------------------------------------------- writing


def _save_index(records: list[RegistryRecord], tokens: list[SearchToken], innovation_ids: set[int] | None,
                ids: list[int]) -> None:
    """Replace the records and tokens of the innovations indexed (of all, dropping the records of deleted ones)."""
    with transaction.atomic():
        if innovation_ids is None:
            SearchToken.objects.all().delete()
            RegistryRecord.objects.exclude(innovation__in=ids).delete()
        else:
            SearchToken.objects.filter(innovation__in=innovation_ids).delete()
        # Split before creating: bulk_create gives the new records their primary keys.
        new = [r for r in records if r.pk is None]
        old = [r for r in records if r.pk is not None]
        RegistryRecord.objects.bulk_create(new, batch_size=500)
        RegistryRecord.objects.bulk_update(old, RECORD_FIELDS, batch_size=500)
        SearchToken.objects.bulk_create(tokens, batch_size=2000)


# ---------------------------------------------------------------- after saves


# Saves mark innovations as stale; the index is rebuilt once, after the transaction commits: at once for a few
# innovations (a save on a page), by a job for more (sayembara.registry.tasks.reindex).
_pending = threading.local()
INLINE_REFRESH_MAX = 200
REINDEX_TASK = "sayembara.registry.tasks.reindex"
REBUILD_SIMILARITY_TASK = "sayembara.registry.tasks.rebuild_similarity"


def mark_stale(innovation_ids: Iterable[int] = (), entry_ids: Iterable[int] = (), edition_ids: Iterable[int] = ()) -> None:
    if not hasattr(_pending, "innovations"):
        _pending.innovations, _pending.entries, _pending.editions = set(), set(), set()
    _pending.innovations.update(i for i in innovation_ids if i)
    _pending.entries.update(i for i in entry_ids if i)
    _pending.editions.update(i for i in edition_ids if i)
    transaction.on_commit(flush_stale)


def flush_stale() -> None:
    if not hasattr(_pending, "innovations"):
        return
    innovation_ids, entry_ids, edition_ids = _pending.innovations, _pending.entries, _pending.editions
    if not (innovation_ids or entry_ids or edition_ids):
        return
    _pending.innovations, _pending.entries, _pending.editions = set(), set(), set()
    ids = set(innovation_ids)
    if entry_ids:
        ids.update(Entry.objects.filter(pk__in=entry_ids).values_list("innovation_id", flat=True))
    if edition_ids:
        ids.update(Entry.objects.filter(edition__in=edition_ids).values_list("innovation_id", flat=True))
    if len(ids) > INLINE_REFRESH_MAX:
        # A publication or an edition's change touches thousands of innovations: minutes of work at national
        # scale, done by the worker. The request that committed answers at once.
        jobs.start(REINDEX_TASK, _key_of(ids), scope="registry", innovation_ids=sorted(ids))
    elif ids:
        refresh_records(ids)


def _key_of(ids: set[int]) -> str:
    return hashlib.sha256(",".join(map(str, sorted(ids))).encode()).hexdigest()[:32]
