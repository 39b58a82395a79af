"""Participation figures: who enters, who stopped, where entries get lost, how scores spread.

Every function runs a fixed number of aggregate queries, whatever the number of entries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Max, Min, Q, StdDev
from django.db.models.functions import Floor
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.editions.models import Edition, Phase
from sayembara.entries.models import Entry
from sayembara.institutions.models import Institution, InstitutionType
from sayembara.jury.models import Score, ScoreSheet
from sayembara.results.models import Award

from .models import Invitation

NOT_SENT = [Entry.Status.DRAFT, Entry.Status.WITHDRAWN]


def editions() -> list[Edition]:
    return list(Edition.objects.public().order_by("year"))


def participating_types() -> list[InstitutionType]:
    return list(InstitutionType.objects.filter(participates=True).order_by("order"))


# ---------------------------------------------------------------- entries per edition


def entries_by_type(years: list[int]) -> dict:
    """Submitted entries per edition and institution type: {"types": [...], "rows": [{year, counts, total}]}."""
    counts = defaultdict(int)
    for year, type_id, n in (
        Entry.objects.submitted().filter(edition__year__in=years)
        .values_list("edition__year", "institution__type").annotate(n=Count("pk")).order_by()
    ):
        counts[(year, type_id)] = n
    types = [t for t in participating_types() if any(counts[(y, t.pk)] for y in years)]
    rows = []
    for year in years:
        row = [counts[(year, t.pk)] for t in types]
        rows.append({"year": year, "counts": row, "total": sum(row)})
    return {"types": types, "rows": rows}


def entries_by_institution(years: list[int]) -> list[dict]:
    """Submitted entries per unit and edition, units that entered at least once, most entries first."""
    counts = defaultdict(dict)
    for institution_id, year, n in (
        Entry.objects.submitted().filter(edition__year__in=years)
        .values_list("institution", "edition__year").annotate(n=Count("pk")).order_by()
    ):
        counts[institution_id][year] = n
    units = Institution.objects.filter(pk__in=list(counts)).select_related("type").in_bulk()
    rows = [
        {"institution": units[pk], "counts": [by_year.get(y, 0) for y in years], "total": sum(by_year.values())}
        for pk, by_year in counts.items()
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


def coverage(year: int) -> dict:
    """For one edition: units that took part, took part before and dropped out, and never took part (up to that year)."""
    years_by_unit: dict[int, set[int]] = defaultdict(set)
    for institution_id, entry_year in (
        Entry.objects.submitted().filter(edition__year__lte=year).values_list("institution", "edition__year").distinct()
    ):
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


def funnel(years: list[int]) -> list[dict]:
    """Per edition: drafts started, sent, passed screening, finalists (reached a later stage or won), winners."""
    rows = {
        year: {"year": year, "started": 0, "sent": 0, "passed": 0, "finalists": 0, "winners": 0, "abandoned": 0}
        for year in years
    }
    for row in (
        Entry.objects.filter(edition__year__in=years).values("edition__year").annotate(
            # The join to awards can repeat an entry: count distinct entries everywhere.
            started=Count("pk", distinct=True),
            sent=Count("pk", filter=~Q(status__in=NOT_SENT), distinct=True),
            passed=Count("pk", filter=Q(status__in=Entry.PUBLIC_STATUSES), distinct=True),
            finalists=Count("pk", filter=Q(reached_stage__order__gt=1) | Q(awards__isnull=False), distinct=True),
            abandoned=Count("pk", filter=Q(status__in=NOT_SENT), distinct=True),
        ).order_by()
    ):
        rows[row["edition__year"]].update({k: row[k] for k in ("started", "sent", "passed", "finalists", "abandoned")})
    for year, n in (
        Award.objects.filter(edition__year__in=years).values_list("edition__year").annotate(n=Count("entry", distinct=True)).order_by()
    ):
        rows[year]["winners"] = n
    for row in rows.values():
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


def category_spread(years: list[int]) -> dict:
    counts = defaultdict(int)
    names = set()
    for year, name, n in (
        Entry.objects.submitted().filter(edition__year__in=years)
        .values_list("edition__year", "category__name").annotate(n=Count("pk")).order_by()
    ):
        name = name or _("No category")
        names.add(name)
        counts[(year, name)] += n
    names = sorted(names)
    return {"names": names, "rows": [{"year": y, "counts": [counts[(y, n)] for n in names]} for y in years]}


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
    scores = Score.objects.filter(sheet__status=ScoreSheet.Status.SUBMITTED, sheet__stage__edition__year__in=years)
    stats = {
        (row["sheet__stage__edition__year"], row["criterion__name"]): row
        for row in scores.values("sheet__stage__edition__year", "criterion__name").annotate(
            n=Count("pk"), mean=Avg("value"), sd=StdDev("value"), low=Min("value"), high=Max("value")
        ).order_by()
    }
    histogram = defaultdict(lambda: [0] * len(BUCKETS))
    for year, name, bucket, n in (
        scores.annotate(bucket=Floor(F("value") / 10))
        .values_list("sheet__stage__edition__year", "criterion__name", "bucket").annotate(n=Count("pk")).order_by()
    ):
        index = min(max(int(bucket or 0), 0), len(BUCKETS) - 1)
        histogram[(year, name)][index] += n
    rows = []
    for (year, name), row in sorted(stats.items()):
        rows.append({
            "year": year, "criterion": name, "n": row["n"],
            "mean": round(float(row["mean"]), 1) if row["mean"] is not None else None,
            "sd": round(float(row["sd"]), 1) if row["sd"] is not None else None,
            "low": row["low"], "high": row["high"], "histogram": histogram[(year, name)],
        })
    return rows


# ---------------------------------------------------------------- the dashboard in one call


def dashboard(year: int | None = None) -> dict:
    all_editions = editions()
    years = [e.year for e in all_editions]
    if not years:
        return {"years": [], "year": None}
    year = year if year in years else years[-1]
    by_type = entries_by_type(years)
    cover = coverage(year)
    previous = [y for y in years if y < year]
    change = None
    if previous:
        totals = {r["year"]: r["total"] for r in by_type["rows"]}
        change = {"from": previous[-1], "before": totals[previous[-1]], "now": totals[year],
                  "delta": totals[year] - totals[previous[-1]]}
    return {
        "years": years,
        "year": year,
        "edition": next(e for e in all_editions if e.year == year),
        "by_type": by_type,
        "coverage": cover,
        "change": change,
        "funnel": funnel(years),
        "time_to_send": time_to_send(years),
        "categories": category_spread(years),
        "sdgs": sdg_spread(years),
    }


def chart_data(data: dict) -> dict:
    """The figures the page's charts draw, as plain JSON-able lists."""
    return {
        "years": data["years"],
        "byType": {"labels": [t.name for t in data["by_type"]["types"]],
                   "rows": [r["counts"] for r in data["by_type"]["rows"]]},
        "funnel": {
            "labels": [_("Drafts started"), _("Sent"), _("Passed screening"), _("Finalists"), _("Winners")],
            "rows": [[r["started"], r["sent"], r["passed"], r["finalists"], r["winners"]] for r in data["funnel"]],
        },
        "categories": {"labels": data["categories"]["names"], "rows": [r["counts"] for r in data["categories"]["rows"]]},
        "coverage": {
            "labels": [r["type"].name for r in data["coverage"]["by_type"]],
            "tookPart": [r["took_part"] for r in data["coverage"]["by_type"]],
            "dropped": [r["dropped"] for r in data["coverage"]["by_type"]],
            "never": [r["never"] for r in data["coverage"]["by_type"]],
        },
    }


# ---------------------------------------------------------------- outreach


def open_edition() -> Edition | None:
    return Edition.objects.filter(status=Edition.Status.OPEN).order_by("-year").first()


def submission_deadline(edition: Edition | None):
    if edition is None:
        return None
    phase = edition.phases.filter(kind=Phase.Kind.SUBMISSION).order_by("-ends_at").first()
    return phase.ends_at if phase else None


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
    deadline = submission_deadline(edition)
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
        if deadline is not None:
            when = _("Proposals can be sent until %(deadline)s.") % {
                "deadline": timezone.localtime(deadline).strftime("%d-%m-%Y %H:%M")
            }
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
    return invited, unreachable


def invitation_link(request) -> str:
    """Where an invitation leads: the log-in page, then the call for entries.

    Points at ``accounts:login`` until a self-registration page exists.
    """
    call = reverse("insights:call")
    return request.build_absolute_uri(f"{reverse('accounts:login')}?next={call}")


def announcement_text(request) -> dict:
    """A ready-to-share announcement for the regency's Telegram channel and WhatsApp groups."""
    edition = open_edition()
    deadline = submission_deadline(edition)
    call = request.build_absolute_uri(reverse("insights:call"))
    registry = request.build_absolute_uri(reverse("registry:search"))
    if edition is not None:
        when = timezone.localtime(deadline).strftime("%d-%m-%Y %H:%M") if deadline else ""
        text = _(
            "📣 %(title)s %(year)s is open!\n\nOPD, village governments (Pemdes) and BUMD of %(host)s: enter your "
            "public service innovation, large or small.%(deadline)s\n\n👉 Details and registration: %(call)s\n"
            "💡 Ideas from past innovations (ATM): %(registry)s"
        ) % {"title": edition.title, "year": edition.year, "host": edition.host,
             "deadline": (" " + _("Deadline: %(when)s WIB.") % {"when": when}) if when else "",
             "call": call, "registry": registry}
    else:
        text = _(
            "💡 Looking for ideas to improve public services? The innovation registry holds every innovation entered "
            "in past competitions, with the units to contact (ATM: amati, tiru, modifikasi).\n\n👉 %(registry)s\n"
            "📣 The next competition will be announced here: %(call)s"
        ) % {"registry": registry, "call": call}
    return {"text": text, "edition": edition, "deadline": deadline}
