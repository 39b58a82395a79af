"""The saved versions of a proposal, and a readable word-level comparison of two of them."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.editions.models import ProposalSection

from ..models import Entry, EntryRevision

# Autosaves by the same person within this window update one revision instead of adding many.
REVISION_WINDOW = dt.timedelta(minutes=10)


def snapshot_of(entry: Entry) -> dict:
    answers = {a.section.code: a.text for a in entry.answers.select_related("section")}
    return {"title": entry.title, "sections": answers}


def record_revision(entry: Entry, user) -> EntryRevision | None:
    snapshot = snapshot_of(entry)
    now = timezone.now()
    last = entry.revisions.order_by("-number").first()
    if last and last.snapshot == snapshot:
        return None
    if last and last.author_id == getattr(user, "pk", None) and now - last.saved_at < REVISION_WINDOW and last.number > 1:
        last.snapshot, last.saved_at = snapshot, now
        last.save(update_fields=["snapshot", "saved_at"])
        return last
    return EntryRevision.objects.create(
        entry=entry, number=(last.number + 1) if last else 1, author=user if getattr(user, "pk", None) else None,
        saved_at=now, snapshot=snapshot,
    )


@dataclass
class SectionDiff:
    title: str
    parts: list[tuple[str, str]]  # (kind, text) with kind in "same", "added", "removed"
    changed: bool


def diff_revisions(older: EntryRevision, newer: EntryRevision) -> list[SectionDiff]:
    """A word-level diff per section, readable without knowing what a diff is."""
    titles = {s.code: s.title for s in ProposalSection.objects.filter(edition_id=older.entry.edition_id)}
    titles = {"__title__": _("Title"), **titles}
    a = {"__title__": older.snapshot.get("title", ""), **older.snapshot.get("sections", {})}
    b = {"__title__": newer.snapshot.get("title", ""), **newer.snapshot.get("sections", {})}
    result = []
    for code, title in titles.items():
        parts = _word_diff(a.get(code, "").split(), b.get(code, "").split())
        result.append(SectionDiff(title=title, parts=parts, changed=any(kind != "same" for kind, _t in parts)))
    return result


def _word_diff(old_words: list[str], new_words: list[str]) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("same", " ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("removed", " ".join(old_words[i1:i2])))
        if j2 > j1:
            parts.append(("added", " ".join(new_words[j1:j2])))
    return parts
