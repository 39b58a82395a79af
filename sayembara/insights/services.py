"""Participation figures: who enters, who stopped, where entries get lost, how scores spread.

Every function runs a fixed number of aggregate queries, whatever the number of entries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mass_mail
from django.core.cache import cache
from django.db import transaction
from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Max, Min, Sum
from django.db.models.functions import Floor
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Category, Criterion, Edition, Stage
from sayembara.entries.models import Entry
from sayembara.entries.deadlines import format_deadline, submission_deadline, submission_deadlines
from sayembara.institutions.models import Institution, InstitutionType
from sayembara.links import absolute
from sayembara.jury.models import Score, ScoreSheet
from sayembara.results.models import Award

from .models import DataVersion, Invitation



def editions() -> list[Edition]:
    return list(Edition.objects.public().order_by("year"))


def participating_types() -> list[InstitutionType]:
    return list(InstitutionType.objects.filter(participates=True).order_by("order"))


# ---------------------------------------------------------------- caching

# The figures change only when entries, awards, scores or units change. Signals (see apps.py) bump
# a version in this process's cache at once and, after the transaction commits, a counter in the
# database that every server process reads (one small query per page); a time limit bounds
# staleness after bulk imports that send no signals.
VERSION_KEY = "insights:data-version"
CACHE_SECONDS = 600


def bump_version(*args, **kwargs) -> None:
    cache.set(VERSION_KEY, time.time(), None)
    transaction.on_commit(_bump_database_version)


def _bump_database_version() -> None:
    if not DataVersion.objects.filter(key="insights").update(value=F("value") + 1):
        DataVersion.objects.get_or_create(key="insights")


def cached(name: str, compute, *args):
    local = cache.get(VERSION_KEY)
    if local is None:
        local = time.time()
        cache.set(VERSION_KEY, local, None)
    shared = DataVersion.objects.filter(key="insights").values_list("value", flat=True).first() or 0
    digest = hashlib.sha1(repr(args).encode()).hexdigest()[:16]
    key = f"insights:{name}:{shared}:{local}:{get_language()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute(*args)
        cache.set(key, value, CACHE_SECONDS)
    return value


# ---------------------------------------------------------------- one pass over the entries


def _entry_counts(years: list[int]) -> tuple[dict, dict]:
    """Entries grouped by (year, institution, category, status) in one query; returns (counts, edition years)."""
    edition_years = dict(Edition.objects.filter(year__in=years).values_list("pk", "year"))
    counts: dict[tuple, int] = {}
    for edition_id, institution_id, category_id, status, n in (
        Entry.objects.filter(edition__in=list(edition_years))
        .values_list("edition", "institution", "category", "status").annotate(n=Count("pk")).order_by()
    ):
        counts[(edition_years[edition_id], institution_id, category_id, status)] = n
    return counts, edition_years


def _submitted(status: str) -> bool:
    return status not in Entry.NOT_SENT


# ---------------------------------------------------------------- entries per edition


def entries_by_type(years: list[int], counts: dict | None = None) -> dict:
    """Submitted entries per edition and institution type: {"types": [...], "rows": [{year, counts, total}]}."""
    counts = counts if counts is not None else _entry_counts(years)[0]
    unit_types = dict(Institution.objects.filter(pk__in={k[1] for k in counts}).values_list("pk", "type"))
    by_year_type = defaultdict(int)
    for (year, institution_id, _category, status), n in counts.items():
        if _submitted(status):
            by_year_type[(year, unit_types[institution_id])] += n
    types = [t for t in participating_types() if any(by_year_type[(y, t.pk)] for y in years)]
    rows = []
    for year in years:
        row = [by_year_type[(year, t.pk)] for t in types]
        rows.append({"year": year, "counts": row, "total": sum(row)})
    return {"types": types, "rows": rows}


def entries_by_institution(years: list[int], counts: dict | None = None) -> list[dict]:
    """Submitted entries per unit and edition, units that entered at least once, most entries first."""
    counts = counts if counts is not None else _entry_counts(years)[0]
    per_unit = defaultdict(lambda: defaultdict(int))
    for (year, institution_id, _category, status), n in counts.items():
        if _submitted(status):
            per_unit[institution_id][year] += n
    units = Institution.objects.filter(pk__in=list(per_unit)).select_related("type").in_bulk()
    rows = [
        {"institution": units[pk], "counts": [by_year.get(y, 0) for y in years], "total": sum(by_year.values())}
        for pk, by_year in per_unit.items()
    ]
    return sorted(rows, key=lambda r: (-r["total"], r["institution"].name))


# ---------------------------------------------------------------- coverage


@dataclass
class CoverageRow:
    institution: Institution
    years: list[int]
    last_invited: dt.datetime | None = None

    @property
    def last_year(self) -> int | None:
        return self.years[-1] if self.years else None


def coverage(year: int, counts: dict | None = None) -> dict:
    """For one edition: units that took part, took part before and dropped out, and never took part (up to that year)."""
    if counts is None:
        counts = _entry_counts(list(Edition.objects.filter(year__lte=year).values_list("year", flat=True)))[0]
    years_by_unit: dict[int, set[int]] = defaultdict(set)
    for (entry_year, institution_id, _category, status), n in counts.items():
        if entry_year <= year and _submitted(status) and n:
            years_by_unit[institution_id].add(entry_year)
    invited = dict(
        Invitation.objects.values_list("institution").annotate(last=Max("sent_at")).order_by()
    )
    units = list(
        Institution.objects.filter(type__participates=True, active=True).select_related("type").order_by("type__order", "name")
    )
    took_part, dropped, never, new = [], [], [], []
    for unit in units:
        unit_years = sorted(years_by_unit.get(unit.pk, ()))
        row = CoverageRow(unit, unit_years, invited.get(unit.pk))
        if year in unit_years:
            took_part.append(row)
            if unit_years == [year]:
                new.append(row)
        elif unit_years:
            dropped.append(row)
        else:
            never.append(row)
    return {
        "year": year, "took_part": took_part, "dropped": dropped, "never": never, "new": new,
        "units": len(units),
        "by_type": _coverage_by_type(units, took_part, dropped, never),
    }


def _coverage_by_type(units, took_part, dropped, never) -> list[dict]:
    rows = {}
    for unit in units:
        rows.setdefault(unit.type_id, {"type": unit.type, "units": 0, "took_part": 0, "dropped": 0, "never": 0})
        rows[unit.type_id]["units"] += 1
    for key, group in (("took_part", took_part), ("dropped", dropped), ("never", never)):
        for row in group:
            rows[row.institution.type_id][key] += 1
    for row in rows.values():
        row["percent"] = round(100 * row["took_part"] / row["units"]) if row["units"] else 0
    return list(rows.values())


# ---------------------------------------------------------------- funnel and timing


def funnel(years: list[int], counts: dict | None = None) -> list[dict]:
    """Per edition: drafts started, sent, passed screening, finalists (reached a later stage or won), winners."""
    counts = counts if counts is not None else _entry_counts(years)[0]
    rows = {
        year: {"year": year, "started": 0, "sent": 0, "passed": 0, "finalists": 0, "winners": 0, "abandoned": 0}
        for year in years
    }
    for (year, _unit, _category, status), n in counts.items():
        row = rows[year]
        row["started"] += n
        if _submitted(status):
            row["sent"] += n
        else:
            row["abandoned"] += n
        if status in Entry.PUBLIC_STATUSES:
            row["passed"] += n
    edition_ids = list(Edition.objects.filter(year__in=years).values_list("pk", flat=True))
    later_stages = list(Stage.objects.filter(edition__in=edition_ids, order__gt=1).values_list("pk", flat=True))
    for year, n in (
        Entry.objects.filter(reached_stage__in=later_stages).values_list("edition__year").annotate(n=Count("pk")).order_by()
    ):
        rows[year]["finalists"] = n
    for year, n in (
        Award.objects.filter(edition__in=edition_ids).values_list("edition__year").annotate(n=Count("entry", distinct=True)).order_by()
    ):
        rows[year]["winners"] = n
    for row in rows.values():
        # Winners were finalists, even where the stage reached was not recorded.
        row["finalists"] = max(row["finalists"], row["winners"])
    return [rows[y] for y in years]


def time_to_send(years: list[int]) -> list[dict]:
    """Average days from first draft to sending, per edition (entries keyed in after sending are left out)."""
    duration = ExpressionWrapper(F("sent_at") - F("created_at"), output_field=DurationField())
    found = {
        row["edition__year"]: row
        for row in Entry.objects.filter(edition__year__in=years, sent_at__isnull=False, sent_at__gte=F("created_at"))
        .values("edition__year").annotate(avg=Avg(duration), n=Count("pk")).order_by()
    }
    rows = []
    for year in years:
        row = found.get(year)
        days = round(row["avg"].total_seconds() / 86400, 1) if row and row["avg"] is not None else None
        rows.append({"year": year, "days": days, "n": row["n"] if row else 0})
    return rows


def category_spread(years: list[int], counts: dict | None = None) -> dict:
    counts = counts if counts is not None else _entry_counts(years)[0]
    names_by_id = dict(Category.objects.filter(pk__in={k[2] for k in counts if k[2]}).values_list("pk", "name"))
    spread = defaultdict(int)
    for (year, _unit, category_id, status), n in counts.items():
        if _submitted(status):
            spread[(year, names_by_id.get(category_id) or _("No category"))] += n
    names = sorted({name for _year, name in spread})
    return {"names": names, "rows": [{"year": y, "counts": [spread[(y, n)] for n in names]} for y in years]}


def sdg_spread(years: list[int]) -> dict | None:
    """Entries per SDG and edition, when entries record SDGs (a many-to-many field named ``sdgs``); otherwise None."""
    try:
        field = Entry._meta.get_field("sdgs")
    except Exception:  # noqa: BLE001 - the SDG field is optional
        return None
    counts = defaultdict(int)
    for year, sdg_id, n in (
        Entry.objects.submitted().filter(edition__year__in=years, sdgs__isnull=False)
        .values_list("edition__year", "sdgs").annotate(n=Count("pk")).order_by()
    ):
        counts[(year, sdg_id)] += n
    sdgs = field.related_model.objects.in_bulk({k[1] for k in counts})
    ordered = sorted(sdgs)
    return {"names": [str(sdgs[k]) for k in ordered], "rows": [{"year": y, "counts": [counts[(y, k)] for k in ordered]} for y in years]}


# ---------------------------------------------------------------- scores


BUCKETS = list(range(0, 100, 10))


def score_distribution(years: list[int]) -> list[dict]:
    """Submitted scores per criterion and edition: count, mean, spread, lowest, highest and a 10-point histogram."""
    criteria = {
        pk: (year, name)
        for pk, year, name in Criterion.objects.filter(stage__edition__year__in=years).values_list(
            "pk", "stage__edition__year", "name"
        )
    }
    scores = Score.objects.filter(sheet__status=ScoreSheet.Status.SUBMITTED, criterion__in=list(criteria))
    # Criteria of the same name in several stages of a year are pooled.
    stats: dict[tuple, dict] = {}
    for row in scores.values("criterion").annotate(
        n=Count("pk"), total=Sum("value"), squares=Sum(F("value") * F("value")), low=Min("value"), high=Max("value")
    ).order_by():
        key = criteria[row["criterion"]]
        pooled = stats.setdefault(key, {"n": 0, "total": 0.0, "squares": 0.0, "low": None, "high": None})
        pooled["n"] += row["n"]
        pooled["total"] += float(row["total"])
        pooled["squares"] += float(row["squares"])
        pooled["low"] = row["low"] if pooled["low"] is None else min(pooled["low"], row["low"])
        pooled["high"] = row["high"] if pooled["high"] is None else max(pooled["high"], row["high"])
    for pooled in stats.values():
        n = pooled["n"]
        pooled["mean"] = pooled["total"] / n if n else None
        pooled["sd"] = ((pooled["squares"] - n * pooled["mean"] ** 2) / (n - 1)) ** 0.5 if n > 1 else None
    histogram = defaultdict(lambda: [0] * len(BUCKETS))
    for criterion_id, bucket, n in (
        scores.annotate(bucket=Floor(F("value") / 10)).values_list("criterion", "bucket").annotate(n=Count("pk")).order_by()
    ):
        index = min(max(int(bucket or 0), 0), len(BUCKETS) - 1)
        histogram[criteria[criterion_id]][index] += n
    rows = []
    for (year, name), row in sorted(stats.items()):
        rows.append({
            "year": year, "criterion": name, "n": row["n"],
            "mean": round(row["mean"], 1) if row["mean"] is not None else None,
            "sd": round(max(row["sd"], 0.0), 1) if row["sd"] is not None else None,
            "low": row["low"], "high": row["high"], "histogram": histogram[(year, name)],
        })
    return rows


# ---------------------------------------------------------------- the dashboard in one call


TOP_UNITS = 30


def dashboard(year: int | None = None) -> dict:
    all_editions = editions()
    years = [e.year for e in all_editions]
    if not years:
        return {"years": [], "year": None}
    year = year if year in years else years[-1]
    counts, _years = _entry_counts(years)
    by_type = entries_by_type(years, counts)
    cover = coverage(year, counts)
    previous = [y for y in years if y < year]
    change = None
    if previous:
        totals = {r["year"]: r["total"] for r in by_type["rows"]}
        change = {"from": previous[-1], "before": totals[previous[-1]], "now": totals[year],
                  "delta": totals[year] - totals[previous[-1]]}
    # Only light values go into the cache: counts, names and years, not thousands of model instances.
    by_type = {"types": [{"pk": t.pk, "name": t.name} for t in by_type["types"]], "rows": by_type["rows"]}
    coverage_summary = {
        "units": cover["units"],
        "took_part": len(cover["took_part"]),
        "dropped": len(cover["dropped"]),
        "never": len(cover["never"]),
        "new": len(cover["new"]),
        "by_type": [{**row, "type": {"name": row["type"].name}} for row in cover["by_type"]],
        "dropped_units": [{"name": r.institution.name, "last_year": r.last_year} for r in cover["dropped"]],
    }
    institutions = [
        {"name": r["institution"].name, "counts": r["counts"], "total": r["total"]}
        for r in entries_by_institution(years, counts)
    ]
    return {
        "years": years,
        "year": year,
        "edition": next(e for e in all_editions if e.year == year),
        "by_type": by_type,
        "coverage": coverage_summary,
        "change": change,
        "funnel": funnel(years, counts),
        "time_to_send": time_to_send(years),
        "categories": category_spread(years, counts),
        "sdgs": sdg_spread(years),
        "institutions": institutions[:TOP_UNITS],
        "institution_count": len(institutions),
    }


def chart_data(data: dict) -> dict:
    """The figures the page's charts draw, as plain JSON-able lists."""
    return {
        "years": data["years"],
        "byType": {"labels": [t["name"] for t in data["by_type"]["types"]],
                   "rows": [r["counts"] for r in data["by_type"]["rows"]]},
        "funnel": {
            "labels": [_("Drafts started"), _("Sent"), _("Passed screening"), _("Finalists"), _("Winners")],
            "rows": [[r["started"], r["sent"], r["passed"], r["finalists"], r["winners"]] for r in data["funnel"]],
        },
        "categories": {"labels": data["categories"]["names"], "rows": [r["counts"] for r in data["categories"]["rows"]]},
        "coverage": {
            "labels": [r["type"]["name"] for r in data["coverage"]["by_type"]],
            "tookPart": [r["took_part"] for r in data["coverage"]["by_type"]],
            "dropped": [r["dropped"] for r in data["coverage"]["by_type"]],
            "never": [r["never"] for r in data["coverage"]["by_type"]],
        },
    }


# ---------------------------------------------------------------- outreach


def open_edition() -> Edition | None:
    return Edition.objects.filter(status=Edition.Status.OPEN).order_by("-year").first()


def invitation_addresses(institutions: list[Institution]) -> dict[int, list[str]]:
    """Where to invite each unit: its contact address, else the addresses of its members."""
    from sayembara.accounts.models import User

    members = defaultdict(list)
    for institution_id, email in User.objects.filter(
        institution__in=[i.pk for i in institutions if not i.contact_email], is_active=True
    ).values_list("institution", "email"):
        members[institution_id].append(email)
    return {i.pk: [i.contact_email] if i.contact_email else members.get(i.pk, []) for i in institutions}


def send_invitations(institutions: list[Institution], user, link: str) -> tuple[list[Institution], list[Institution]]:
    """E-mail each unit an invitation to enter, with ``link``. Returns (invited, units without any address)."""
    edition = open_edition()
    # Each unit's own deadline: a recorded extension moves it (the rule lives in entries.services).
    deadlines = submission_deadlines(edition, [i.pk for i in institutions]) if edition is not None else {}
    addresses = invitation_addresses(institutions)
    messages, records, invited, unreachable = [], [], [], []
    for institution in institutions:
        to = addresses.get(institution.pk) or []
        if not to:
            unreachable.append(institution)
            continue
        if edition is not None:
            subject = _("Invitation: enter your innovation in the %(title)s %(year)s") % {"title": edition.title, "year": edition.year}
        else:
            subject = _("Invitation: enter your innovation in the next Public Service Innovation Competition")
        when = ""
        if deadlines.get(institution.pk) is not None:
            when = _("Proposals can be sent until %(deadline)s.") % {"deadline": format_deadline(deadlines[institution.pk])}
        body = _(
            "Dear %(unit)s,\n\nEvery service improvement counts, small or large. We invite your unit to enter an "
            "innovation in the public service innovation competition. %(when)s\n\nStart your entry here:\n%(link)s\n\n"
            "Past innovations of every unit can be found in the innovation registry, to observe, imitate and modify "
            "(ATM).\n\nThe organising committee"
        ) % {"unit": institution.name, "when": when, "link": link}
        messages.extend((subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in to)
        records.extend(Invitation(edition=edition, institution=institution, email=address, sent_by=user) for address in to)
        invited.append(institution)
    if messages:
        send_mass_mail(messages)
        Invitation.objects.bulk_create(records)
        bump_version()  # bulk_create sends no signals
    return invited, unreachable


def set_contact_email(institution: Institution, email: str, by) -> None:
    """Record where a unit is invited (audited as the organiser's change)."""
    with acting_as(by):
        institution.contact_email = email
        institution.save(update_fields=["contact_email"])


def invitation_link() -> str:
    """Where an invitation leads: self-registration (confirmed by e-mail), then the unit's first entry."""
    return absolute(reverse("accounts:register"))


def announcement_text() -> dict:
    """A ready-to-share announcement for the regency's Telegram channel and WhatsApp groups."""
    edition = open_edition()
    deadline = submission_deadline(edition) if edition is not None else None
    call = absolute(reverse("insights:call"))
    registry = absolute(reverse("registry:search"))
    if edition is not None:
        when = format_deadline(deadline) if deadline else ""
        text = _(
            "📣 %(title)s %(year)s is open!\n\nOPD, village governments (Pemdes) and BUMD of %(host)s: enter your "
            "public service innovation, large or small.%(deadline)s\n\n👉 Details and registration: %(call)s\n"
            "💡 Ideas from past innovations (ATM): %(registry)s"
        ) % {"title": edition.title, "year": edition.year, "host": edition.host,
             "deadline": (" " + _("Deadline: %(when)s.") % {"when": when}) if when else "",
             "call": call, "registry": registry}
    else:
        text = _(
            "💡 Looking for ideas to improve public services? The innovation registry holds every innovation entered "
            "in past competitions, with the units to contact (ATM: amati, tiru, modifikasi).\n\n👉 %(registry)s\n"
            "📣 The next competition will be announced here: %(call)s"
        ) % {"registry": registry, "call": call}
    return {"text": text, "edition": edition, "deadline": deadline}


WINNERS_BEYOND_EDITIONS = 5


def winners_beyond() -> dict:
    """How our winners fared beyond the regency: the awards of the last published editions, each with the later
    results recorded for its innovation (provincial rank, SINOVIK Top 99/45, IGA). Four queries."""
    from sayembara.registry.models import NationalOutcome

    years = list(Edition.objects.filter(results_published_at__isnull=False).order_by("-year")
                 .values_list("year", flat=True)[:WINNERS_BEYOND_EDITIONS])
    awards = list(Award.objects.filter(edition__year__in=years).select_related("edition", "entry__innovation")
                  .order_by("-edition__year", "order"))
    outcomes = defaultdict(list)
    for outcome in NationalOutcome.objects.filter(innovation__in={a.entry.innovation_id for a in awards}):
        outcomes[outcome.innovation_id].append(outcome)
    rows = [(award, outcomes.get(award.entry.innovation_id, [])) for award in awards]
    return {"rows": rows, "went_on": sum(1 for _a, found in rows if found), "total": len(rows)}
