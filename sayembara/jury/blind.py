"""Everything a juror sees of an entry, made in one place.

Jurors reach an entry only through its stage pseudonym (``EntryAlias``): the
sheet, the live room page, the dashboard, conflict declarations and evidence
files all name and link it that way, never by its public code or database
number. In a blind stage the title and proposal text come from the masked
copy stored on the alias (masked by ``entries.blind``, the same masker as the
organiser's "proposal without identity"), the institution and video are not
shown, and evidence files carry neutral names.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Prefetch

from sayembara.entries.blind import blind_copy
from sayembara.entries.models import answers_in_form

from .models import EntryAlias

# No letters and digits that are read alike (0/O, 1/I/L, 5/S, 8/B, 2/Z) or look like entry codes.
ALPHABET = "ACDEFHJKMNPQRTUVWXY3479"
PSEUDONYM_LENGTH = 6


@dataclass
class Shown:
    """An entry as one juror's page shows it."""

    label: str
    ref: str
    title: str
    institution: str | None = None
    answers: list[tuple[str, str]] = field(default_factory=list)
    video_url: str = ""


def _pseudonym() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(PSEUDONYM_LENGTH))


def _fill_masked_copy(alias: EntryAlias, entry, answers=None) -> None:
    copy = blind_copy(entry, answers)
    alias.title = copy.title[:300]
    alias.answers = [list(pair) for pair in copy.answers]
    alias.masked = copy.masked
    alias.leftovers = copy.leftovers
    alias.source_version = entry.version


def aliases_for(stage, entries) -> dict[int, EntryAlias]:
    """The stage's alias of each entry, made when missing; in a blind stage, masked again when the entry changed."""
    entries = list(entries)
    found = {a.entry_id: a for a in EntryAlias.objects.filter(stage=stage, entry__in=[e.pk for e in entries])}
    for entry in entries:
        alias = found.get(entry.pk)
        if alias is None:
            found[entry.pk] = _create(stage, entry)
        else:
            refresh(stage, entry, alias)
    return found


def refresh(stage, entry, alias: EntryAlias) -> None:
    """Mask ``alias`` again when its entry changed since it was masked (a blind stage only); no query otherwise."""
    if stage.blind and alias.source_version != entry.version:
        _fill_masked_copy(alias, entry)
        alias.save(update_fields=["title", "answers", "masked", "leftovers", "source_version"])


PREPARE_BATCH = 200


def prepare(stage, entries, report=None) -> int:
    """Give every entry of ``entries`` its stage alias (masked in a blind stage) ahead of the jurors, in batches.

    Run on the worker when scoring opens: the masking is regular expressions over every proposal (about a
    millisecond an entry), which at national scale must not happen in a request or on a juror's first page.
    ``report(done, total)`` is told after each batch. Returns how many aliases were made or masked again.
    """
    from sayembara.entries.models import ProposalAnswer

    ids = list(entries.order_by("pk").values_list("pk", flat=True))
    taken = set(EntryAlias.objects.filter(stage=stage).values_list("pseudonym", flat=True))  # read once, kept up to date
    made = 0
    for start in range(0, len(ids), PREPARE_BATCH):
        batch = list(entries.model.objects.filter(pk__in=ids[start:start + PREPARE_BATCH]).select_related(
            "institution__parent__parent__parent", "created_by", "category").prefetch_related(
            "team__user", Prefetch("answers", queryset=ProposalAnswer.objects.select_related("section")
                                   .order_by("section__order"))))
        made += _prepare_batch(stage, batch, taken)
        if report is not None:
            report(min(start + PREPARE_BATCH, len(ids)), len(ids))
    return made


def _prepare_batch(stage, entries, taken: set[str]) -> int:
    found = {a.entry_id: a for a in EntryAlias.objects.filter(stage=stage, entry__in=[e.pk for e in entries])}
    new, stale = [], []
    for entry in entries:
        alias = found.get(entry.pk)
        if alias is None:
            alias = EntryAlias(stage=stage, entry=entry, pseudonym=_pseudonym())
            while alias.pseudonym in taken:
                alias.pseudonym = _pseudonym()
            taken.add(alias.pseudonym)
            new.append(alias)
        elif not stage.blind or alias.source_version == entry.version:
            continue
        else:
            stale.append(alias)
        if stage.blind:
            _fill_masked_copy(alias, entry, [(a.section.title, a.text) for a in answers_in_form(entry, entry.answers.all())])
    # A juror's page may have made one of these aliases meanwhile: those are kept (ignore_conflicts).
    EntryAlias.objects.bulk_create(new, ignore_conflicts=True)
    EntryAlias.objects.bulk_update(stale, ["title", "answers", "masked", "leftovers", "source_version"])
    return len(new) + len(stale)


def _create(stage, entry) -> EntryAlias:
    for _attempt in range(10):
        alias = EntryAlias(stage=stage, entry=entry, pseudonym=_pseudonym())
        if stage.blind:
            _fill_masked_copy(alias, entry)
        try:
            with transaction.atomic():
                alias.save()
            return alias
        except IntegrityError:
            existing = EntryAlias.objects.filter(stage=stage, entry=entry).first()
            if existing is not None:  # made by a parallel request
                return existing
    raise RuntimeError("no free pseudonym")  # pragma: no cover - 23^6 = 148 million names per stage


def in_juror_order(stage, entries, aliases: dict[int, EntryAlias]) -> list:
    """Entries in the order a juror sees them: by time slot, then, in a blind stage, by pseudonym (a random order)
    rather than by entry number, which would line up with the public list of entries."""
    if not stage.blind:
        return list(entries)

    def key(entry):
        slot = getattr(entry, "slot", None)
        return (slot is None, slot.starts_at.isoformat() if slot else "", aliases[entry.pk].pseudonym)

    return sorted(entries, key=key)


def alias_for(stage, entry) -> EntryAlias:
    return aliases_for(stage, [entry])[entry.pk]


def alias_by_ref(stage, ref: str) -> EntryAlias | None:
    if not ref or len(ref) > 12:
        return None
    return EntryAlias.objects.filter(stage=stage, pseudonym=ref.upper()).select_related("entry__institution").first()


def shown(stage, entry, alias: EntryAlias, with_text: bool = True) -> Shown:
    """The entry as the juror's page shows it: openly in an open stage, masked and under its pseudonym in a blind one."""
    if stage.blind:
        return Shown(label=alias.pseudonym, ref=alias.pseudonym, title=alias.title,
                     answers=[tuple(pair) for pair in alias.answers] if with_text else [])
    answers = []
    if with_text:
        answers = [(a.section.title, a.text) for a in answers_in_form(
            entry, entry.answers.select_related("section").order_by("section__order"))]
    return Shown(label=entry.code, ref=alias.pseudonym, title=entry.title, institution=entry.institution.name,
                 answers=answers, video_url=entry.video_url)


def evidence_name(stage, entry, alias: EntryAlias, slot_code: str, number: int, extension: str) -> str:
    """A file name that names nothing: the pseudonym in a blind stage, the entry code otherwise."""
    label = alias.pseudonym if stage.blind else entry.code
    return f"{label}-{slot_code}-{number}.{extension}"
