"""Registry rules: keeping the search index fresh, searching, similarity, replication and follow-up."""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.editions.models import Edition
from sayembara.errors import DomainError
from sayembara.entries.models import Entry, Innovation, ProposalAnswer
from sayembara.institutions.models import Institution
from sayembara.links import absolute
from sayembara.results.models import Award

from ..models import FollowUp, RegistryRecord, Replication, SearchToken
from ..text import stems


class RegistryError(DomainError):
    """A refused registry action, with a message in the user's language."""


TITLE_WEIGHT = 5
UNIT_WEIGHT = 2
TEXT_WEIGHT = 1
# Proposal sections that describe what an innovation is; the rest is boilerplate (budget, team).
DESCRIPTIVE_SECTIONS = ("ringkasan", "latar_belakang", "kebaruan", "implementasi", "adaptabilitas_potensi")


# ---------------------------------------------------------------- index


def _public_entry_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}status__in": Entry.PUBLIC_STATUSES}) & ~Q(**{f"{prefix}edition__status": Edition.Status.DRAFT})


def refresh_records(innovation_ids: Iterable[int] | None = None) -> int:
    """Rebuild the registry rows and search tokens of some innovations (all when ``None``). Returns how many."""
    innovations = Innovation.objects.select_related("institution")
    if innovation_ids is not None:
        innovation_ids = set(innovation_ids)
        innovations = innovations.filter(pk__in=innovation_ids)
    innovations = list(innovations)
    ids = [i.pk for i in innovations]
    entries_by_innovation: dict[int, list[Entry]] = defaultdict(list)
    entry_qs = Entry.objects.filter(innovation__in=ids) if innovation_ids is not None else Entry.objects.all()
    for entry in entry_qs.select_related("edition").order_by("edition__year"):
        entries_by_innovation[entry.innovation_id].append(entry)
    award_qs = Award.objects.filter(entry__innovation__in=ids) if innovation_ids is not None else Award.objects.all()
    awards_by_innovation: dict[int, list[Award]] = defaultdict(list)
    for award in award_qs.select_related("entry").order_by("order", "-edition__year"):
        awards_by_innovation[award.entry.innovation_id].append(award)
    # The latest entry's descriptive answers say best what the innovation is now.
    latest_entry_ids = {entries[-1].pk: pk for pk, entries in entries_by_innovation.items()}
    answers: dict[int, list[str]] = defaultdict(list)
    answer_qs = ProposalAnswer.objects.filter(section__code__in=DESCRIPTIVE_SECTIONS)
    if innovation_ids is not None:
        answer_qs = answer_qs.filter(entry__in=list(latest_entry_ids))
    for entry_id, text in answer_qs.values_list("entry_id", "text"):
        if entry_id in latest_entry_ids:
            answers[latest_entry_ids[entry_id]].append(text)

    replication_counts = dict(
        Innovation.objects.filter(replicated_from__in=ids).values_list("replicated_from").annotate(n=Count("pk")).order_by()
    )
    existing = {r.innovation_id: r for r in RegistryRecord.objects.filter(innovation__in=ids)}
    # An innovation under blind judging leaves the public registry until the blind stage closes: its title
    # would otherwise tell a juror which unit made what they judge.
    under_blind_judging = set(Edition.objects.with_makers_hidden().values_list("pk", flat=True))
    now = timezone.now()
    records, tokens = [], []
    for innovation in innovations:
        entries = entries_by_innovation.get(innovation.pk, [])
        public_entries = [
            e for e in entries if e.status in Entry.PUBLIC_STATUSES and e.edition.status != Edition.Status.DRAFT
        ]
        years = sorted({e.edition.year for e in public_entries})
        awards = awards_by_innovation.get(innovation.pk, [])
        record = existing.get(innovation.pk) or RegistryRecord(innovation=innovation)
        record.refreshed_at = now
        blind = any(e.edition_id in under_blind_judging and e.status not in Entry.NOT_SENT
                    for e in entries)
        record.is_public = bool(public_entries) and not blind
        record.title = innovation.title[:200]
        record.institution_id = innovation.institution_id
        record.institution_type_id = innovation.institution.type_id
        record.is_digital = innovation.is_digital
        record.maturity = innovation.maturity
        record.status = innovation.status
        record.replication_count = replication_counts.get(innovation.pk, 0)
        record.first_year = years[0] if years else None
        record.last_year = years[-1] if years else None
        record.years = " ".join(str(y) for y in years)
        record.award_count = len(awards)
        record.best_award = ""
        if awards:
            best = awards[0]
            year = next((e.edition.year for e in entries if e.pk == best.entry_id), "")
            record.best_award = f"{best.title} {year}".strip()
        if record.is_public and record.published_at is None:
            # Published when its first public edition announced results (or now, for an edition still running).
            first = public_entries[0].edition
            record.published_at = first.results_published_at if first.results_are_public else now
        body = " ".join(answers.get(innovation.pk, []))
        titles = " ".join({innovation.title, *(e.title for e in entries)})
        unit = f"{innovation.institution.name} {innovation.institution.short_name}"
        record.stemmed_text = " ".join(stems(f"{titles} {innovation.summary} {body}"))
        records.append(record)
        weights: dict[str, int] = {}
        for token in stems(f"{innovation.summary} {body}"):
            weights[token] = max(weights.get(token, 0), TEXT_WEIGHT)
        for token in stems(unit):
            weights[token] = max(weights.get(token, 0), UNIT_WEIGHT)
        for token in stems(titles):
            weights[token] = TITLE_WEIGHT
        if record.is_public:  # only public innovations can be searched, so only they are indexed
            tokens.extend(SearchToken(innovation_id=innovation.pk, token=t, weight=w) for t, w in weights.items())

    with transaction.atomic():
        if innovation_ids is None:
            SearchToken.objects.all().delete()
            RegistryRecord.objects.exclude(innovation__in=ids).delete()
        else:
            SearchToken.objects.filter(innovation__in=innovation_ids).delete()
        new = [r for r in records if r.pk is None]
        old = [r for r in records if r.pk is not None]
        RegistryRecord.objects.bulk_create(new, batch_size=500)
        RegistryRecord.objects.bulk_update(
            old, ["is_public", "title", "institution", "institution_type", "is_digital", "maturity", "status",
                  "replication_count", "first_year", "last_year", "years", "award_count", "best_award", "stemmed_text",
                  "published_at", "refreshed_at"], batch_size=500,
        )
        SearchToken.objects.bulk_create(tokens, batch_size=2000)
    _similarity_cache.clear()
    return len(records)


# Saves mark innovations as stale; the index is rebuilt once, after the transaction commits.
_pending = threading.local()


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
    if ids:
        refresh_records(ids)


# ---------------------------------------------------------------- search


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


class SearchResults:
    """Matching public innovations, best first; sliceable and countable, so Django's Paginator can page it.

    Plain SQL, the same on SQLite and PostgreSQL. The postings of the rarest query word drive
    the query; each further word is one lookup per candidate in the (innovation, token) index,
    and the weights found add up to the rank. Only public innovations have postings, so the
    registry table is joined only when a filter needs it.
    """

    def __init__(self, filters: SearchFilters):
        from sayembara.editions.models import Category
        from sayembara.institutions.models import InstitutionType

        record = RegistryRecord._meta.db_table
        token = SearchToken._meta.db_table
        entry = Entry._meta.db_table
        edition = Edition._meta.db_table
        self.terms = _rarest_first(sorted(set(stems(filters.q)))[:8])
        self.empty = self.terms is None
        where, params = [], []
        public_entry = (
            f"SELECT 1 FROM {entry} e INNER JOIN {edition} ed ON ed.id = e.edition_id"
            f" WHERE e.innovation_id = r.innovation_id AND ed.status <> %s"
            f" AND e.status IN ({', '.join(['%s'] * len(Entry.PUBLIC_STATUSES))})"
        )
        public_params = [Edition.Status.DRAFT, *[str(s) for s in Entry.PUBLIC_STATUSES]]
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

        if self.terms:
            first, *others = self.terms
            joins = "".join(
                f" INNER JOIN {token} t{i} ON t{i}.innovation_id = t0.innovation_id AND t{i}.token = %s"
                for i, _ in enumerate(others, start=1)
            )
            rank = " + ".join(f"t{i}.weight" for i in range(len(self.terms)))
            if where:
                joins += f" INNER JOIN {record} r ON r.innovation_id = t0.innovation_id"
            self.from_sql = f"FROM {token} t0{joins} WHERE t0.token = %s" + "".join(f" AND {w}" for w in where)
            self.params = [*others, first, *params]
            self.select_sql = f"SELECT t0.innovation_id, {rank}"
            self.order_sql = "ORDER BY 2 DESC, 1 DESC"
        else:
            self.from_sql = f"FROM {record} r WHERE r.is_public = %s" + "".join(f" AND {w}" for w in where)
            self.params = [True, *params]
            self.select_sql = "SELECT r.innovation_id, 0"
            self.order_sql = "ORDER BY r.last_year DESC, r.title"
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
        found = Innovation.objects.select_related(
            "institution__type", "registry_record", "replicated_from"
        ).in_bulk([pk for pk, _ in rows])
        results = []
        for pk, rank in rows:
            if pk in found:
                found[pk].score = rank
                results.append(found[pk])
        return results

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


def search(filters: SearchFilters) -> SearchResults:
    """Public innovations matching every (stemmed) word of the query and all the filters."""
    return SearchResults(filters)


def filter_choices() -> dict:
    """Options for the search form. They change only when the index does, so they are cached per index version."""
    version = RegistryRecord.objects.order_by("-refreshed_at").values_list("refreshed_at", flat=True).first()
    key = f"registry:choices:{version.timestamp() if version else 0}"
    choices = cache.get(key)
    if choices is None:
        from sayembara.institutions.models import InstitutionType

        public = RegistryRecord.objects.filter(is_public=True)
        type_ids = set(public.values_list("institution_type", flat=True).distinct())
        unit_ids = set(public.values_list("institution", flat=True).distinct())
        choices = {
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
        cache.set(key, choices, 300)
    return {**choices, "maturities": list(Innovation.Maturity.choices)}


# ---------------------------------------------------------------- detail page


def innovation_history(innovation: Innovation) -> list[dict]:
    """Each public entry of the innovation with the stage it reached and its awards, oldest first."""
    entries = (
        Entry.objects.filter(_public_entry_q(), innovation=innovation)
        .exclude(edition__in=Edition.objects.with_makers_hidden())
        .select_related("edition", "category", "reached_stage", "institution")
        .prefetch_related("awards")
        .order_by("edition__year")
    )
    return [
        {
            "entry": entry,
            "year": entry.edition.year,
            "stage": entry.reached_stage,
            "awards": [a for a in entry.awards.all()] if entry.edition.results_are_public else [],
        }
        for entry in entries
    ]


def replications_of(innovation: Innovation) -> list[dict]:
    """Units that replicated the innovation: linked innovations and recorded replications, once each."""
    rows: dict[tuple, dict] = {}
    for replica in innovation.replications.select_related("institution", "registry_record").order_by("title"):
        rows[("innovation", replica.pk)] = {"innovation": replica, "institution": replica.institution, "record": None}
    for record in innovation.replication_records.filter(kind=Replication.Kind.REPLICATED).select_related(
        "replica__institution", "institution"
    ):
        key = ("innovation", record.replica_id) if record.replica_id else ("record", record.pk)
        row = rows.setdefault(key, {"innovation": record.replica, "institution": record.institution, "record": None})
        row["record"] = record
    return list(rows.values())


# ---------------------------------------------------------------- similarity


_similarity_cache: dict = {}


def _similarity_model():
    """TF-IDF over stemmed words (1–2-grams) and over characters of title and summary, fitted once per index state."""
    import numpy
    from sklearn.feature_extraction.text import TfidfVectorizer

    state = (RegistryRecord.objects.count(), RegistryRecord.objects.order_by("-refreshed_at").values_list("refreshed_at", flat=True).first())
    cached = _similarity_cache.get("model")
    if cached and cached["state"] == state:
        return cached
    rows = list(
        RegistryRecord.objects.select_related("innovation").values_list(
            "innovation_id", "stemmed_text", "innovation__title", "innovation__summary"
        )
    )
    if not rows:
        return None
    ids = [r[0] for r in rows]
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, dtype=numpy.float32)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=numpy.float32, lowercase=True)
    word_matrix = word.fit_transform([r[1] for r in rows])
    char_matrix = char.fit_transform([f"{r[2]} {r[3]}" for r in rows])
    model = {"state": state, "ids": ids, "word": word, "char": char, "word_matrix": word_matrix, "char_matrix": char_matrix}
    _similarity_cache["model"] = model
    return model


@dataclass
class Similar:
    innovation: Innovation
    score: float
    word_score: float
    char_score: float

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    @property
    def likely_resubmission(self) -> bool:
        return self.char_score >= 0.8 or self.word_score >= 0.8


def similar_to_text(
    title: str, text: str, exclude: Iterable[int] = (), limit: int = 8, minimum: float = 0.15, public_only: bool = False
) -> list[Similar]:
    """The innovations most like a title and a text, best first (both TF-IDF cosines averaged)."""
    model = _similarity_model()
    if model is None or not (title or text).strip():
        return []
    word_vector = model["word"].transform([" ".join(stems(f"{title} {text}"))])
    char_vector = model["char"].transform([f"{title} {text[:600]}"])
    word_scores = (model["word_matrix"] @ word_vector.T).toarray().ravel()
    char_scores = (model["char_matrix"] @ char_vector.T).toarray().ravel()
    combined = 0.6 * word_scores + 0.4 * char_scores
    excluded = set(exclude)
    if public_only:
        public = set(RegistryRecord.objects.filter(is_public=True).values_list("innovation_id", flat=True))
        excluded |= {pk for pk in model["ids"] if pk not in public}
    order = combined.argsort()[::-1]
    picked = []
    for index in order:
        if combined[index] < minimum or len(picked) >= limit:
            break
        if model["ids"][index] in excluded:
            continue
        picked.append((model["ids"][index], float(combined[index]), float(word_scores[index]), float(char_scores[index])))
    innovations = Innovation.objects.select_related("institution", "registry_record").in_bulk([p[0] for p in picked])
    return [Similar(innovations[i], s, w, c) for i, s, w, c in picked if i in innovations]


def similar_to_innovation(innovation: Innovation, limit: int = 8, public_only: bool = False) -> list[Similar]:
    record = RegistryRecord.objects.filter(innovation=innovation).first()
    text = innovation.summary
    answers = ProposalAnswer.objects.filter(entry__innovation=innovation, section__code__in=DESCRIPTIVE_SECTIONS).order_by(
        "-entry__edition__year"
    ).values_list("text", flat=True)[: len(DESCRIPTIVE_SECTIONS)]
    text = f"{text} {' '.join(answers)}" if answers else (record.stemmed_text if record else text)
    return similar_to_text(innovation.title, text, exclude=[innovation.pk], limit=limit, public_only=public_only)


def possible_duplicates(edition: Edition, threshold: float = 0.45, per_entry: int = 3) -> list[dict]:
    """Entries of an edition whose innovation closely resembles another innovation (re-submission or replication).

    Uses the indexed vectors of the entries' own innovations, compared with every other innovation in
    chunks of sparse products, so a national edition (thousands of entries) is one pass.
    """
    import numpy

    model = _similarity_model()
    if model is None:
        return []
    position = {pk: i for i, pk in enumerate(model["ids"])}
    entries = [
        e for e in Entry.objects.filter(edition=edition).select_related("innovation", "institution").order_by("code")
        if e.innovation_id in position
    ]
    found: list[tuple[Entry, int, float, float, float]] = []
    for start in range(0, len(entries), 500):
        chunk = entries[start:start + 500]
        rows = [position[e.innovation_id] for e in chunk]
        word = (model["word_matrix"][rows] @ model["word_matrix"].T).toarray()
        char = (model["char_matrix"][rows] @ model["char_matrix"].T).toarray()
        combined = 0.6 * word + 0.4 * char
        combined[numpy.arange(len(rows)), rows] = -1  # never the innovation itself
        candidates = numpy.argpartition(combined, -per_entry, axis=1)[:, -per_entry:]
        for i, entry in enumerate(chunk):
            for j in candidates[i]:
                if combined[i, j] >= threshold:
                    found.append((entry, model["ids"][j], float(combined[i, j]), float(word[i, j]), float(char[i, j])))
    innovations = Innovation.objects.select_related("institution", "registry_record").in_bulk({f[1] for f in found})
    return [
        {"entry": entry, "match": Similar(innovations[pk], score, w, c)}
        for entry, pk, score, w, c in found if pk in innovations
    ]


# ---------------------------------------------------------------- replication


def owners_of(innovation: Innovation) -> list[str]:
    """Where to write to reach an innovation's owners: the unit's contact address, else its members."""
    from sayembara.accounts.models import User

    institution = innovation.institution
    if institution.contact_email:
        return [institution.contact_email]
    return list(User.objects.filter(institution=institution, is_active=True).values_list("email", flat=True))


def user_units(user) -> list[Institution]:
    """The units ``user`` acts for in the registry (see ``registry.rules.units_of``)."""
    from ..rules import units_of

    return list(Institution.objects.filter(pk__in=units_of(user)).select_related("type").order_by("name"))


@transaction.atomic
def record_replication(
    origin: Innovation, institution: Institution, user, replica: Innovation | None = None, new_title: str = "",
    message: str = "",
) -> Replication:
    """Record that ``institution`` replicated ``origin``; links (or creates) its own innovation to the origin."""
    if replica is None and new_title:
        replica = Innovation.objects.create(
            title=new_title, institution=institution, summary=message, replicated_from=origin,
            is_digital=origin.is_digital, form=origin.form, maturity=Innovation.Maturity.TRIAL,
        )
    elif replica is not None:
        if replica.institution_id != institution.pk:
            raise RegistryError(_("The replicating innovation must belong to the replicating unit."))
        if replica.pk == origin.pk:
            raise RegistryError(_("This innovation cannot be recorded as a replication of itself."))
        replica.replicated_from = origin
        replica.save(update_fields=["replicated_from"])
    record = Replication.objects.create(
        origin=origin, replica=replica, institution=institution, kind=Replication.Kind.REPLICATED,
        message=message, created_by=user,
    )
    mark_stale([origin.pk, replica.pk if replica else None])
    return record


def request_replication_help(origin: Innovation, institution: Institution, user, message: str) -> Replication:
    record = Replication.objects.create(
        origin=origin, institution=institution, kind=Replication.Kind.HELP_REQUESTED, message=message, created_by=user
    )
    recipients = owners_of(origin)
    if recipients:
        link = absolute(reverse("registry:detail", args=[origin.pk]))
        subject = " ".join((_("Request to replicate “%(title)s”") % {"title": origin.title}).split())
        body = _(
            "%(unit)s would like to replicate your innovation “%(title)s” (ATM: amati, tiru, modifikasi) and asks for "
            "your help.\n\nMessage:\n%(message)s\n\nContact: %(name)s <%(email)s>\n\n%(link)s"
        ) % {"unit": institution.name, "title": origin.title, "message": message, "name": user.full_name or user.email,
             "email": user.email, "link": link}
        send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients])
    return record


# ---------------------------------------------------------------- sustainability follow-up


def follow_up_candidates() -> QuerySet[Innovation]:
    """Innovations that took part in a past edition and have not been recorded as stopped."""
    return Innovation.objects.filter(entries__in=Entry.objects.submitted()).distinct()


def send_follow_up_requests(year: int) -> tuple[int, int]:
    """Ask the owners of every past entry, once for ``year``, whether the innovation still runs. Returns (asked, e-mails)."""
    existing = set(FollowUp.objects.filter(year=year).values_list("innovation_id", flat=True))
    candidates = [i for i in follow_up_candidates().select_related("institution") if i.pk not in existing]
    created = FollowUp.objects.bulk_create(FollowUp(innovation=i, year=year) for i in candidates)
    by_innovation = {f.innovation_id: f for f in FollowUp.objects.filter(year=year, innovation__in=[i.pk for i in candidates])}
    messages = []
    for innovation in candidates:
        follow_up = by_innovation[innovation.pk]
        link = absolute(reverse("registry:follow_up_answer", args=[follow_up.pk]))
        subject = " ".join((_("Is “%(title)s” still running? (%(year)s follow-up)") % {"title": innovation.title, "year": year}).split())
        body = _(
            "Once a year we ask the owners of past entries whether their innovation is still active, stopped or "
            "replicated elsewhere, with evidence. Please answer here:\n%(link)s"
        ) % {"link": link}
        messages.extend((subject, body, settings.DEFAULT_FROM_EMAIL, [a]) for a in owners_of(innovation))
    if messages:
        send_mass_mail(messages)
    return len(created), len(messages)


@transaction.atomic
def answer_follow_up(follow_up: FollowUp, status: str, evidence: str, user, evidence_file=None, stopped_on=None) -> FollowUp:
    from django.core.exceptions import PermissionDenied

    from ..rules import can_answer_follow_up

    if not can_answer_follow_up(user, follow_up):
        # Only the innovation's unit (or the organiser) may say whether it still runs: the answer is public.
        raise PermissionDenied
    follow_up.status = status
    follow_up.evidence = evidence
    follow_up.stopped_on = stopped_on if status == FollowUp.Status.STOPPED else None
    if evidence_file is not None:
        follow_up.evidence_file = evidence_file
    follow_up.answered_at = timezone.now()
    follow_up.answered_by = user
    follow_up.save()
    innovation = follow_up.innovation
    new_status = Innovation.Status.STOPPED if status == FollowUp.Status.STOPPED else Innovation.Status.ACTIVE
    if innovation.status != new_status:
        innovation.status = new_status
        innovation.save(update_fields=["status"])
    return follow_up


def lapsed_innovations() -> list[dict]:
    """Stopped innovations with when they stopped, as far as the follow-ups tell."""
    stopped = list(Innovation.objects.filter(status=Innovation.Status.STOPPED).select_related("institution", "registry_record"))
    answers = {}
    for f in FollowUp.objects.filter(innovation__in=stopped, status=FollowUp.Status.STOPPED).order_by("year"):
        answers.setdefault(f.innovation_id, f)
    rows = []
    for innovation in stopped:
        follow_up = answers.get(innovation.pk)
        record = getattr(innovation, "registry_record", None)
        rows.append({
            "innovation": innovation,
            "follow_up": follow_up,
            "stopped_on": follow_up.stopped_on if follow_up else None,
            "reported_year": follow_up.year if follow_up else None,
            "last_year": record.last_year if record else None,
        })
    return rows


def follow_up_summary(year: int) -> dict:
    counts = Counter(FollowUp.objects.filter(year=year).values_list("status", flat=True))
    return {"year": year, "counts": [(label, counts.get(value, 0)) for value, label in FollowUp.Status.choices],
            "total": sum(counts.values())}
