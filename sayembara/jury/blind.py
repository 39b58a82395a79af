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

from sayembara.entries.blind import blind_copy

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


def _fill_masked_copy(alias: EntryAlias, entry) -> None:
    copy = blind_copy(entry)
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
        elif stage.blind and alias.source_version != entry.version:
            _fill_masked_copy(alias, entry)
            alias.save(update_fields=["title", "answers", "masked", "leftovers", "source_version"])
    return found


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
    return EntryAlias.objects.filter(stage=stage, pseudonym=ref.upper()).select_related("entry").first()


def shown(stage, entry, alias: EntryAlias, with_text: bool = True) -> Shown:
    """The entry as the juror's page shows it: openly in an open stage, masked and under its pseudonym in a blind one."""
    if stage.blind:
        return Shown(label=alias.pseudonym, ref=alias.pseudonym, title=alias.title,
                     answers=[tuple(pair) for pair in alias.answers] if with_text else [])
    answers = []
    if with_text:
        answers = [(a.section.title, a.text) for a in entry.answers.select_related("section").order_by("section__order")]
    return Shown(label=entry.code, ref=alias.pseudonym, title=entry.title, institution=entry.institution.name,
                 answers=answers, video_url=entry.video_url)


def evidence_name(stage, entry, alias: EntryAlias, slot_code: str, number: int, extension: str) -> str:
    """A file name that names nothing: the pseudonym in a blind stage, the entry code otherwise."""
    label = alias.pseudonym if stage.blind else entry.code
    return f"{label}-{slot_code}-{number}.{extension}"
