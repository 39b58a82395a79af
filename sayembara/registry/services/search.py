"""Searching the registry: public innovations matching words and filters, best first, and the filters' options."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, QuerySet

from sayembara.editions.models import Category, Edition
from sayembara.entries.models import Entry, Innovation
from sayembara.institutions.models import Institution, InstitutionType

from ..models import RegistryRecord, SearchToken
from ..text import stems
from .index import _public_entry_q

# At most this many (distinct, stemmed) query words are looked up; each is one more join.
MAX_TERMS = 8


@dataclass
class SearchFilters:
    q: str = ""
    year: int | None = None
    institution_type: str = ""
    institution: int | None = None
    category: str = ""
    digital: str = ""  # "yes" / "no" / ""
    maturity: str = ""
    status: str = ""  # active / stopped / replicated
    award: str = ""  # "yes" / "no" / ""
    extra: dict = field(default_factory=dict)


def public_innovations() -> QuerySet[Innovation]:
    return Innovation.objects.filter(registry_record__is_public=True)


def search(filters: SearchFilters) -> SearchResults:
    """Public innovations matching every (stemmed) word of the query and all the filters."""
    return SearchResults(filters)


class SearchQuery(NamedTuple):
    """The SQL of a search in parts, so the same FROM … WHERE serves counting and fetching a page."""

    select_sql: str
    from_sql: str
    params: list
    order_sql: str


class SearchResults:
    """Matching public innovations, best first; sliceable and countable, so Django's Paginator can page it.

    Plain SQL, the same on SQLite and PostgreSQL. The postings of the rarest query word drive
    the query; each further word is one lookup per candidate in the (innovation, token) index,
    and the weights found add up to the rank. Only public innovations have postings, so the
    registry table is joined only when a filter needs it.
    """

    def __init__(self, filters: SearchFilters):
        self.terms = _rarest_first(sorted(set(stems(filters.q)))[:MAX_TERMS])
        self.empty = self.terms is None
        where, params = _filter_conditions(filters)
        query = _ranked_query(self.terms, where, params) if self.terms else _browse_query(where, params)
        self.select_sql, self.from_sql, self.params, self.order_sql = query
        self._count: int | None = None

    def count(self) -> int:
        if self.empty:
            return 0
        if self._count is None:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) {self.from_sql}", self.params)
                self._count = cursor.fetchone()[0]
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _fetch(self, offset: int, limit: int | None) -> list[Innovation]:
        if self.empty:
            return []
        sql = f"{self.select_sql} {self.from_sql} {self.order_sql}"
        params = list(self.params)
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            params += [limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return _innovations_ranked(rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            start = index.start or 0
            limit = None if index.stop is None else max(index.stop - start, 0)
            return self._fetch(start, limit)
        return self._fetch(index, 1)[0]

    def __iter__(self):
        return iter(self._fetch(0, None))


def _rarest_first(terms: list[str]) -> list[str] | None:
    """The query words ordered by how few innovations have them; None when one of them has none at all."""
    if len(terms) < 2:
        if terms and not SearchToken.objects.filter(token=terms[0]).exists():
            return None
        return terms
    counts = dict(SearchToken.objects.filter(token__in=terms).values_list("token").annotate(n=Count("pk")).order_by())
    if len(counts) < len(terms):
        return None
    return sorted(terms, key=lambda t: (counts[t], t))


def _public_entry_sql() -> tuple[str, list]:
    """A subquery finding a public entry ``e`` (with its edition ``ed``) of the registry record ``r``, and its parameters."""
    entry, edition = Entry._meta.db_table, Edition._meta.db_table
    sql = (
        f"SELECT 1 FROM {entry} e INNER JOIN {edition} ed ON ed.id = e.edition_id"
        f" WHERE e.innovation_id = r.innovation_id AND ed.status <> %s"
        f" AND e.status IN ({', '.join(['%s'] * len(Entry.PUBLIC_STATUSES))})"
    )
    return sql, [Edition.Status.DRAFT, *[str(s) for s in Entry.PUBLIC_STATUSES]]


def _filter_conditions(filters: SearchFilters) -> tuple[list[str], list]:
    """The filters as SQL conditions on the registry record ``r``, with their parameters."""
    public_entry, public_params = _public_entry_sql()
    where, params = [], []
    if filters.year:
        where.append(f"EXISTS ({public_entry} AND ed.year = %s)")
        params += [*public_params, filters.year]
    if filters.category:
        where.append(
            f"EXISTS ({public_entry} AND e.category_id IN (SELECT id FROM {Category._meta.db_table} WHERE name = %s))"
        )
        params += [*public_params, filters.category]
    if filters.institution_type:
        where.append(f"r.institution_type_id IN (SELECT id FROM {InstitutionType._meta.db_table} WHERE code = %s)")
        params.append(filters.institution_type)
    if filters.institution:
        where.append("r.institution_id = %s")
        params.append(filters.institution)
    if filters.digital in ("yes", "no"):
        where.append("r.is_digital = %s")
        params.append(filters.digital == "yes")
    if filters.maturity:
        where.append("r.maturity = %s")
        params.append(filters.maturity)
    if filters.status == "replicated":
        where.append("r.replication_count > 0")
    elif filters.status:
        where.append("r.status = %s")
        params.append(filters.status)
    if filters.award == "yes":
        where.append("r.award_count > 0")
    elif filters.award == "no":
        where.append("r.award_count = 0")
    return where, params


def _ranked_query(terms: list[str], where: list[str], params: list) -> SearchQuery:
    """Innovations having every word, ranked by the sum of the words' weights (rarest word first: ``t0``)."""
    token, record = SearchToken._meta.db_table, RegistryRecord._meta.db_table
    first, *others = terms
    joins = "".join(
        f" INNER JOIN {token} t{i} ON t{i}.innovation_id = t0.innovation_id AND t{i}.token = %s"
        for i, _ in enumerate(others, start=1)
    )
    rank = " + ".join(f"t{i}.weight" for i in range(len(terms)))
    if where:
        joins += f" INNER JOIN {record} r ON r.innovation_id = t0.innovation_id"
    return SearchQuery(
        select_sql=f"SELECT t0.innovation_id, {rank}",
        from_sql=f"FROM {token} t0{joins} WHERE t0.token = %s" + "".join(f" AND {w}" for w in where),
        params=[*others, first, *params],
        order_sql="ORDER BY 2 DESC, 1 DESC",
    )


def _browse_query(where: list[str], params: list) -> SearchQuery:
    """Without words: every public innovation the filters let through, the latest editions first."""
    record = RegistryRecord._meta.db_table
    return SearchQuery(
        select_sql="SELECT r.innovation_id, 0",
        from_sql=f"FROM {record} r WHERE r.is_public = %s" + "".join(f" AND {w}" for w in where),
        params=[True, *params],
        order_sql="ORDER BY r.last_year DESC, r.title",
    )


def _innovations_ranked(rows: list[tuple[int, int]]) -> list[Innovation]:
    """The innovations of (id, rank) rows, in the rows' order, each with its rank as ``score``."""
    found = Innovation.objects.select_related(
        "institution__type", "registry_record", "replicated_from"
    ).in_bulk([pk for pk, _ in rows])
    results = []
    for pk, rank in rows:
        if pk in found:
            found[pk].score = rank
            results.append(found[pk])
    return results


def filter_choices() -> dict:
    """Options for the search form. They change only when the index does, so they are cached per index version."""
    version = RegistryRecord.objects.order_by("-refreshed_at").values_list("refreshed_at", flat=True).first()
    key = f"registry:choices:{version.timestamp() if version else 0}"
    choices = cache.get(key)
    if choices is None:
        choices = _filter_options()
        cache.set(key, choices, 300)
    return {**choices, "maturities": list(Innovation.Maturity.choices)}


def _filter_options() -> dict:
    """The years, unit types, units and categories that public innovations have, and how many there are."""
    public = RegistryRecord.objects.filter(is_public=True)
    type_ids = set(public.values_list("institution_type", flat=True).distinct())
    unit_ids = set(public.values_list("institution", flat=True).distinct())
    return {
        "years": list(Edition.objects.public().order_by("-year").values_list("year", flat=True)),
        "types": list(
            InstitutionType.objects.filter(pk__in=type_ids, participates=True).order_by("order").values_list("code", "name")
        ),
        "institutions": list(Institution.objects.filter(pk__in=unit_ids).order_by("name").values_list("pk", "name")),
        "categories": sorted(
            set(Entry.objects.filter(_public_entry_q(), category__isnull=False)
                .values_list("category__name", flat=True).distinct())
        ),
        "count": public.count(),
    }
