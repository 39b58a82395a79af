"""The audit trail in words: who did it, what changed, when (in WIB) and why.

Events are stored as raw data (model label, record id, ``{"field": [before, after]}``, a note) and stay as
they were written: they are evidence. This module only reads them and says them the way a register would
("Juri Budi Santoso ditugaskan ke inovasi E-2020-014 pada tahap Wawancara", "Hasil dikunci"), in the
language of the request.

Each tracked model is described from its own metadata (fields by their verbose names, choices by their
labels, foreign keys by the name of the record they point at, dates in WIB, big JSON values summarised);
``DESCRIBERS`` below adds, in one place, how a model names its records and, where a plain "changed" says too
little, the sentence for its events. A page of events is described with one query per kind of record it
mentions (plus one for the people's roles), however many events it holds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Callable
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import models
from django.utils import formats
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy as _, ngettext

from .models import AuditEvent

WIB = ZoneInfo("Asia/Jakarta")
TEXT_LIMIT = 120
# Never worth a line: the event's own time and actor say them, or they are bookkeeping.
ALWAYS_HIDDEN = {"created_at", "updated_at", "version", "search_vector"}

# Notes written by the services as labels of the occasion rather than as a reason typed by someone.
KNOWN_NOTES = {
    "assignment": _("Jury assignment run"),
    "manual assignment": _("Assignment changed by hand"),
    "lock assignment": _("Assignment locked"),
    "unlock assignment": _("Assignment unlocked"),
    "schedule": _("Presentation schedule"),
    "paper sheet": _("Entered from a paper sheet"),
    "yearly sustainability follow-up": _("Yearly sustainability follow-up"),
    "invitation to enter": _("Invitation to enter"),
}


def wib(moment: dt.datetime | None, seconds: bool = False) -> str:
    """``3 Desember 2026 14:05 WIB``: Jakarta time whatever the server's zone, month in the user's language."""
    if moment is None:
        return ""
    return formats.date_format(moment.astimezone(WIB), "j F Y H:i:s" if seconds else "j F Y H:i") + " WIB"


def number(value) -> str:
    """70, 72,5: no trailing zeros, the decimal separator of the user's language."""
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if d == d.to_integral_value():
        return formats.number_format(int(d))
    return formats.number_format(Decimal(format(d.normalize(), "f")))


# --- How each model names its records and says its events --------------------------------------------------


@dataclass(frozen=True)
class Describer:
    """How one model's records are named and its events said. Every field is optional."""

    name: Callable[[models.Model], str] = str  # how a record is named, in a sentence or in a list of values
    related: tuple[str, ...] = ()  # what ``name`` reads through foreign keys (fetched with the record)
    headline: Callable[["Said"], str | None] | None = None  # the sentence for an event; None: the generic one
    hidden: tuple[str, ...] = ()  # attributes whose change says nothing to a reader
    thing: str | None = None  # the model's name, where its verbose_name is not translatable
    labels: dict = field(default_factory=dict)  # attname -> the field's name where its verbose name reads wrong here
    things: str | None = None


# Fields left with Django's automatic (English, untranslatable) verbose name, by that name.
FIELD_NAMES = {
    "edition": _("edition"),
    "entry": _("entry"),
    "award": _("award"),
    "kind": _("kind"),
    "code": _("code"),
    "status": _("status"),
    "announcement": _("announcement"),
    "locked by": _("locked by"),
    "published at": _("published at"),
    "published by": _("published by"),
    "superseded by": _("superseded by"),
    "issued at": _("issued at"),
    "filed at": _("filed at"),
    "answered at": _("answered at"),
    "answered by": _("answered by"),
    "opened at": _("opened at"),
    "opened by": _("opened by"),
    "sha256": _("SHA-256 fingerprint"),
}


def field_name(f: models.Field) -> str:
    name = f.verbose_name
    if isinstance(name, str):
        name = FIELD_NAMES.get(name, name)
    return capfirst(name)


def _user_name(user) -> str:
    return user.full_name or user.email


def _juror_name(juror) -> str:
    return _user_name(juror.user)


def _sheet_name(sheet) -> str:
    return gettext("%(juror)s for %(entry)s, %(stage)s stage") % {
        "juror": _juror_name(sheet.juror), "entry": sheet.entry.code, "stage": sheet.stage.name}


def _local_time(moment) -> str:
    return formats.time_format(moment.astimezone(WIB), "H:i") if moment else ""


def _assignment(said: "Said") -> str | None:
    values = {"juror": said.ref("juror_id"), "entry": said.ref("entry_id"), "stage": said.ref("stage_id")}
    said.consume("juror_id", "entry_id", "stage_id")
    if said.action == AuditEvent.Action.CREATE:
        return gettext("Juror %(juror)s assigned to entry %(entry)s in the %(stage)s stage") % values
    if said.action == AuditEvent.Action.DELETE:
        return gettext("Juror %(juror)s no longer assigned to entry %(entry)s in the %(stage)s stage") % values
    return None


def _score(said: "Said") -> str | None:
    criterion = said.ref("criterion_id")
    said.consume("criterion_id", "sheet_id")
    sheet = said.record.sheet if said.record is not None else None
    sheet_name = _sheet_name(sheet) if sheet is not None else said.ref("sheet_id")
    said.context = gettext("%(field)s: %(value)s") % {"field": capfirst(_("score sheet")), "value": sheet_name}
    if said.action == AuditEvent.Action.CREATE:
        said.consume("value")
        return gettext("Score on criterion %(criterion)s given: %(value)s") % {
            "criterion": criterion, "value": said.text("value", after=True)}
    if said.action == AuditEvent.Action.DELETE:
        said.consume("value")
        return gettext("Score on criterion %(criterion)s removed (was %(value)s)") % {
            "criterion": criterion, "value": said.text("value", after=False)}
    if "value" in said.changes:
        said.consume("value")
        return gettext("Score on criterion %(criterion)s changed from %(before)s to %(after)s") % {
            "criterion": criterion, "before": said.text("value", after=False), "after": said.text("value", after=True)}
    return None


def _sheet_scores(said: "Said") -> str | None:
    """A sheet saved with its scores (one event per save): every changed criterion in one sentence."""
    rows = said.changes.get("scores") or []
    reasons = said.changes.get("justifications") or []
    said.consume("scores", "justifications")
    if not rows and not reasons:
        return None
    parts = []
    for criterion, before, after in rows:
        values = {"criterion": criterion, "before": number(before) if before is not None else "",
                  "after": number(after) if after is not None else ""}
        if before is None:
            parts.append(gettext("%(criterion)s given %(after)s") % values)
        elif after is None:
            parts.append(gettext("%(criterion)s removed (was %(before)s)") % values)
        else:
            parts.append(gettext("%(criterion)s changed from %(before)s to %(after)s") % values)
    parts += [gettext("justification for %(criterion)s written") % {"criterion": criterion}
              for criterion, _before, _after in reasons]
    return gettext("Scores on the sheet of %(name)s: %(changes)s") % {"name": said.name, "changes": "; ".join(parts)}


def _locking(locked: str, unlocked: str, extra: tuple[str, ...] = ()):
    def headline(said: "Said") -> str | None:
        said.consume(*extra)
        if "locked_at" in said.changes and said.action != AuditEvent.Action.DELETE:
            before, after = said.changes["locked_at"]
            if bool(before) != bool(after):
                said.consume("locked_at", "locked_by_id")
                return str(locked if after else unlocked) % {"name": said.name}
        return None

    return headline


def _stage_jury(said: "Said") -> str | None:
    said.consume("assigned_by_id", "locked_by_id")
    locking = _locking(_("Jury assignment of the %(name)s stage locked"),
                       _("Jury assignment of the %(name)s stage unlocked"))(said)
    if locking:
        return locking
    if said.changes.get("assigned_at", [None, None])[1]:
        said.consume("assigned_at")
        return gettext("Jurors of the %(name)s stage assigned") % {"name": said.name}
    return None


def _result_settings(said: "Said") -> str | None:
    return _locking(_("Results locked"), _("Results unlocked"))(said)


DESCRIBERS: dict[str, Describer] = {
    "accounts.user": Describer(name=_user_name),
    "accounts.membership": Describer(
        name=lambda m: f"{_user_name(m.user)} – {m.institution.name}", related=("user", "institution")),
    "entries.entry": Describer(name=lambda e: e.code),
    "entries.innovation": Describer(name=lambda i: i.title),
    "entries.entrydetails": Describer(name=lambda d: d.entry.code, related=("entry",)),
    "entries.proposalanswer": Describer(name=lambda a: f"{a.entry.code}: {a.section.title}", related=("entry", "section")),
    "entries.teammember": Describer(name=lambda t: f"{t.name} ({t.entry.code})", related=("entry",)),
    "entries.evidence": Describer(name=lambda e: f"{e.entry.code}: {e.original_name}", related=("entry",)),
    "entries.entrysettings": Describer(name=lambda s: str(s.edition.year), related=("edition",)),
    "entries.deadlineextension": Describer(
        name=lambda x: f"{x.institution.name} ({x.edition.year})", related=("institution", "edition")),
    "editions.edition": Describer(name=lambda e: str(e.year)),
    "editions.stage": Describer(name=lambda s: s.name),
    "editions.criterion": Describer(name=lambda c: c.name),
    # The rules an edition's entrants and jurors rely on, each named with its edition's year.
    "editions.rubriclevel": Describer(name=lambda r: f"{r.criterion.name}: {r.label}", related=("criterion",)),
    "editions.phase": Describer(name=lambda p: f"{p.name} ({p.edition.year})", related=("edition",)),
    "editions.category": Describer(name=lambda c: f"{c.name} ({c.edition.year})", related=("edition",)),
    "editions.entrygroup": Describer(name=lambda g: f"{g.name} ({g.edition.year})", related=("edition",)),
    "editions.proposalsection": Describer(name=lambda s: f"{s.title} ({s.edition.year})", related=("edition",)),
    "jury.juror": Describer(name=_juror_name, related=("user",)),
    "jury.assignment": Describer(
        name=lambda a: f"{_juror_name(a.juror)} → {a.entry.code} ({a.stage.name})",
        related=("juror__user", "entry", "stage"), headline=_assignment),
    "jury.scoresheet": Describer(name=_sheet_name, related=("juror__user", "entry", "stage"), headline=_sheet_scores),
    "jury.score": Describer(
        name=lambda s: s.criterion.name, related=("criterion", "sheet__juror__user", "sheet__entry", "sheet__stage"),
        headline=_score),
    "jury.conflict": Describer(name=lambda c: f"{_juror_name(c.juror)} × {c.entry.code}", related=("juror__user", "entry")),
    "jury.stagejury": Describer(name=lambda j: j.stage.name, related=("stage",), headline=_stage_jury),
    "jury.timeslot": Describer(
        name=lambda t: f"{t.room} {_local_time(t.starts_at)} · {t.entry.code}", related=("entry",)),
    "jury.sheetreopening": Describer(
        name=lambda r: _sheet_name(r.sheet), related=("sheet__juror__user", "sheet__entry", "sheet__stage")),
    "results.resultsettings": Describer(name=lambda s: str(s.edition.year), related=("edition",), headline=_result_settings),
    "results.award": Describer(name=lambda a: f"{a.title}: {a.entry.code}", related=("entry",)),
    "results.juryvote": Describer(name=lambda v: v.entry.code, related=("entry",),
                                  thing=_("jury vote"), things=_("jury votes")),
    "results.certificate": Describer(name=lambda c: c.code, thing=_("certificate"), things=_("certificates")),
    # The published content is kept whole in the record itself; its fingerprint says which it is.
    "results.objection": Describer(
        name=lambda o: gettext("from %(name)s") % {"name": o.name},
        labels={"name": _("filed by"), "email": _("e-mail address")}),
    "results.provisionalannouncement": Describer(name=lambda a: a.number),
    "registry.replication": Describer(
        name=lambda r: f"{r.institution.name if r.institution else ''} ← {r.origin.title if r.origin else ''}".strip(),
        related=("institution", "origin")),
    "results.publication": Describer(name=lambda p: str(p.edition.year), related=("edition",), hidden=("payload",)),
    "results.correction": Describer(name=lambda c: f"{c.edition.year} · {c.number}", related=("edition",),
                                    hidden=("payload",)),
    "registry.followup": Describer(name=lambda f: f"{f.innovation.title} ({f.year})", related=("innovation",)),
    "institutions.institution": Describer(name=lambda i: i.name),
}


def describer(label: str) -> Describer:
    return DESCRIBERS.get(label) or Describer()


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def record_types() -> list[tuple[str, str]]:
    """(label, name in words) of every tracked model, for the filter: no query."""
    from .trail import _tracked

    types = [(m._meta.label_lower, capfirst(things(m))) for m in _tracked]
    return sorted(types, key=lambda t: str(t[1]).lower())


def thing(model) -> str:
    return str(describer(model._meta.label_lower).thing or model._meta.verbose_name)


def things(model) -> str:
    return str(describer(model._meta.label_lower).things or model._meta.verbose_name_plural)


def _fields(model) -> dict[str, models.Field]:
    return {f.attname: f for f in model._meta.concrete_fields}


def _target(f: models.Field) -> str | None:
    if f.is_relation and (f.many_to_one or f.one_to_one) and f.related_model is not None:
        return f.related_model._meta.label_lower
    return None


# --- One event in words --------------------------------------------------------------------------------------


@dataclass
class Said:
    """An event said in words. ``what`` is the sentence; ``details`` the other changed fields; ``why`` the note."""

    event: AuditEvent
    model: type[models.Model] | None
    record: models.Model | None
    names: dict
    when: str = ""
    who: str = ""
    thing: str = ""
    name: str = ""
    what: str = ""
    context: str = ""
    details: list[str] = field(default_factory=list)
    why: str = ""
    _used: set = field(default_factory=set)

    @property
    def action(self) -> str:
        return self.event.action

    @property
    def changes(self) -> dict:
        return self.event.changes if isinstance(self.event.changes, dict) else {}

    def consume(self, *attnames: str) -> None:
        self._used.update(attnames)

    def value_of(self, attname: str):
        """The field's value at the event: after it, or before it for a deletion; else the record's current one."""
        if attname in self.changes:
            before, after = self.changes[attname]
            return before if self.action == AuditEvent.Action.DELETE else after
        if self.record is not None:
            return getattr(self.record, attname, None)
        return None

    def ref(self, attname: str) -> str:
        """The name of the record a foreign key points at, at the event."""
        value = self.value_of(attname)
        f = _fields(self.model).get(attname) if self.model is not None else None
        target = _target(f) if f is not None else None
        if target and (target, str(value)) not in self.names and self.record is not None and value is not None:
            # Not among the changes (an update of another field): the record was fetched with it (``related``).
            related = getattr(self.record, f.name, None)
            if related is not None:
                return describer(target).name(related)
        return self.format(attname, value)

    def text(self, attname: str, after: bool) -> str:
        pair = self.changes.get(attname, [None, None])
        return self.format(attname, pair[1] if after else pair[0])

    def format(self, attname: str, value) -> str:
        f = _fields(self.model).get(attname) if self.model is not None else None
        return _format(f, value, self.names)


def _format(f: models.Field | None, value, names: dict, seconds: bool = False) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return gettext("empty")
    if f is None:
        return _short(str(value))
    target = _target(f)
    if target:
        return names.get((target, str(value))) or gettext("a removed %(thing)s") % {"thing": thing(f.related_model)}
    if f.choices:
        label = dict(f.flatchoices).get(value)
        return str(label) if label is not None else str(value)
    if isinstance(f, models.BooleanField):
        return gettext("yes") if value else gettext("no")
    if isinstance(f, models.DateTimeField):
        moment = parse_datetime(value) if isinstance(value, str) else value
        if isinstance(moment, dt.datetime):
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.timezone.utc)
            return wib(moment, seconds=seconds)
        return str(value)
    if isinstance(f, models.DateField):
        day = parse_date(value) if isinstance(value, str) else value
        return formats.date_format(day, "j F Y") if isinstance(day, dt.date) else str(value)
    if isinstance(f, (models.DecimalField, models.FloatField)):
        return number(value)
    if isinstance(f, models.JSONField):
        return _summary(value)
    if isinstance(f, (models.CharField, models.TextField)):
        return f"“{_short(str(value))}”"
    return _short(str(value))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1].rstrip() + "…"


def _summary(value) -> str:
    """A JSON value as a reader needs it: a short list spelled out, anything bigger counted."""
    if isinstance(value, list):
        if all(isinstance(v, (str, int, float, Decimal)) for v in value):
            text = ", ".join(str(v) for v in value)
            if len(text) <= TEXT_LIMIT:
                return text
        return ngettext("%(count)s item", "%(count)s items", len(value)) % {"count": len(value)}
    if isinstance(value, dict):
        if all(isinstance(v, (str, int, float, bool)) for v in value.values()):
            text = ", ".join(f"{k}: {v}" for k, v in value.items())
            if len(text) <= TEXT_LIMIT:
                return text
        return ngettext("%(count)s item", "%(count)s items", len(value)) % {"count": len(value)}
    return _short(str(value))


def _headline(said: Said) -> str:
    custom = describer(said.event.model).headline
    if custom is not None and said.model is not None:
        sentence = custom(said)
        if sentence:
            return capfirst(sentence)
    values = {"thing": said.thing, "name": said.name}
    if said.action == AuditEvent.Action.TRANSITION and "status" in said.changes:
        said.consume("status")
        return capfirst(gettext("Status of %(thing)s %(name)s changed from %(before)s to %(after)s") % {
            **values, "before": said.text("status", after=False), "after": said.text("status", after=True)})
    sentence = {
        AuditEvent.Action.CREATE: gettext("%(thing)s %(name)s created"),
        AuditEvent.Action.DELETE: gettext("%(thing)s %(name)s deleted"),
    }.get(said.action, gettext("%(thing)s %(name)s changed"))
    return capfirst(sentence % values)


def _details(said: Said) -> list[str]:
    fields = _fields(said.model) if said.model is not None else {}
    how = describer(said.event.model)
    hidden = ALWAYS_HIDDEN | set(how.hidden) | said._used
    lines = []
    for attname, pair in said.changes.items():
        if attname in hidden or attname.removesuffix("_id") in hidden:
            continue
        f = fields.get(attname)
        label = (capfirst(how.labels[attname]) if attname in how.labels else field_name(f) if f is not None
                 else attname.replace("_", " "))
        before, after = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        if said.action in (AuditEvent.Action.CREATE, AuditEvent.Action.DELETE):
            value = before if said.action == AuditEvent.Action.DELETE else after
            lines.append(gettext("%(field)s: %(value)s") % {"field": label, "value": _format(f, value, said.names)})
        elif before in (None, "", [], {}):
            lines.append(gettext("%(field)s set to %(after)s") % {"field": label, "after": _format(f, after, said.names)})
        elif after in (None, "", [], {}):
            lines.append(gettext("%(field)s cleared (was %(before)s)") % {"field": label, "before": _format(f, before, said.names)})
        else:
            if _same_instant(f, before, after):
                continue  # written before the trail compared instants rather than texts: not a change
            was, now = _format(f, before, said.names), _format(f, after, said.names)
            if was == now:  # the same minute: the seconds tell them apart
                was, now = _format(f, before, said.names, seconds=True), _format(f, after, said.names, seconds=True)
            lines.append(gettext("%(field)s changed from %(before)s to %(after)s") % {"field": label, "before": was, "after": now})
    return lines


def _same_instant(f, before, after) -> bool:
    if not isinstance(f, models.DateTimeField) or not isinstance(before, str) or not isinstance(after, str):
        return False
    was, now = parse_datetime(before), parse_datetime(after)
    return was is not None and now is not None and was.tzinfo is not None and now.tzinfo is not None and was == now


def _why(note: str) -> str:
    if not note:
        return ""
    known = KNOWN_NOTES.get(note.strip())
    # A note written in English by a service (``_("Stage closed")`` outside a request) reads in the user's language.
    return str(known) if known is not None else gettext(note)


# --- Who: the person's name and role --------------------------------------------------------------------------


def _roles(actors) -> dict[int, str]:
    # Through the app registry: the audit trail sits below the apps whose records it describes.
    Juror = apps.get_model("jury", "Juror")

    ids = {a.pk for a in actors}
    jurors = set(Juror.objects.filter(user_id__in=ids).order_by().values_list("user_id", flat=True).distinct()) if ids else set()
    roles = {}
    for a in actors:
        if a.is_organiser or a.is_superuser:
            role = gettext("organiser")
        elif a.verified_institution_id:
            role = gettext("verifier, %(unit)s") % {"unit": a.verified_institution.short_name or a.verified_institution.name}
        elif a.pk in jurors:
            role = gettext("juror")
        elif a.institution_id:
            role = gettext("innovator, %(unit)s") % {"unit": a.institution.short_name or a.institution.name}
        else:
            role = ""
        roles[a.pk] = role
    return roles


def _who(actor, roles) -> str:
    if actor is None:
        return gettext("system")
    role = roles.get(actor.pk)
    name = _user_name(actor)
    return f"{name} ({role})" if role else name


# --- A page of events -----------------------------------------------------------------------------------------


def with_actors(events: models.QuerySet) -> models.QuerySet:
    """The select_related that ``describe`` needs for the who."""
    return events.select_related("actor__institution", "actor__verified_institution")


def describe(events) -> list[Said]:
    """The events (already fetched, e.g. one page) in words, with a fixed number of queries."""
    events = list(events)
    wanted: dict[str, set[str]] = defaultdict(set)
    for event in events:
        model = _model(event.model)
        if model is None:
            continue
        wanted[event.model].add(str(event.object_id))
        fields = _fields(model)
        for attname, pair in (event.changes.items() if isinstance(event.changes, dict) else ()):
            f = fields.get(attname)
            target = _target(f) if f is not None else None
            if target and isinstance(pair, list):
                wanted[target].update(str(v) for v in pair if v not in (None, ""))
    records: dict[tuple[str, str], models.Model] = {}
    names: dict[tuple[str, str], str] = {}
    for label, pks in wanted.items():
        model = _model(label)
        if model is None:
            continue
        how = describer(label)
        pk_field = model._meta.pk
        keys = []
        for pk in pks:
            try:
                keys.append(pk_field.to_python(pk))
            except Exception:  # noqa: BLE001 - a malformed stored id names nothing
                continue
        # Without a describer, ``str()`` may read through foreign keys: fetch those with the record.
        fetch = model._base_manager.select_related(*how.related) if how.related or label in DESCRIBERS else \
            model._base_manager.select_related()
        for obj in fetch.filter(pk__in=keys):
            records[(label, str(obj.pk))] = obj
            names[(label, str(obj.pk))] = how.name(obj)
    roles = _roles({e.actor for e in events if e.actor is not None})
    said = []
    for event in events:
        model = _model(event.model)
        record = records.get((event.model, str(event.object_id)))
        s = Said(event=event, model=model, record=record, names=names)
        s.when = wib(event.at)
        s.who = _who(event.actor, roles)
        s.thing = thing(model) if model is not None else event.model
        s.name = names.get((event.model, str(event.object_id))) or event.summary
        s.what = _headline(s)
        s.details = _details(s)
        s.why = _why(event.note)
        said.append(s)
    return said


def record_name(label: str, object_id: str) -> str:
    """``entri E-2020-014``: one record named in words (for the heading of its history)."""
    model = _model(label)
    if model is None:
        return ""
    how = describer(label)
    obj = model._base_manager.select_related(*how.related).filter(pk=object_id).first() if object_id.isdigit() else None
    if obj is None:
        last = AuditEvent.objects.filter(model=label, object_id=object_id).values_list("summary", flat=True).first()
        name = last or ""
    else:
        name = how.name(obj)
    return f"{thing(model)} {name}".strip()
