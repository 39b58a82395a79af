"""The rules of entering, by concept: who sees and edits what (``access``), starting and saving a draft
(``drafting``), its revisions, its evidence, the eligibility checklist, and each step of the flow (``flow``).
The deadline rule lives in ``entries/deadlines.py`` (notify uses it too).

Callers import every name from here (``from sayembara.entries import services``); views turn ``EntryError``
into a message in the user's language.
"""

from ..deadlines import deadline_passed, format_deadline, last_deadline, submission_deadline
from .access import (
    EDITABLE,
    WITHDRAWABLE,
    can_edit,
    category_refusal,
    entries_visible_to,
    open_editions,
    require_editable,
    settings_for,
)
from .drafting import ProposalData, count_words, create_entry, next_code, save_proposal, word_limit_errors
from .eligibility import Check, blocking_problems, eligibility, normalise_title, similar_titles
from .errors import AlreadyDone, EntryError, StaleEntry
from .evidence import attach_evidence, remove_evidence
from .flow import (
    Decision,
    grant_extension,
    publish_screening,
    screen_entry,
    send_entry,
    verify_entry,
    withdraw_entry,
)
from .revisions import REVISION_WINDOW, SectionDiff, diff_revisions, record_revision, snapshot_of

__all__ = [
    "EDITABLE", "REVISION_WINDOW", "WITHDRAWABLE",
    "AlreadyDone", "Check", "Decision", "EntryError", "ProposalData", "SectionDiff", "StaleEntry",
    "attach_evidence", "blocking_problems", "can_edit", "category_refusal", "count_words", "create_entry",
    "deadline_passed", "diff_revisions", "eligibility", "entries_visible_to", "format_deadline", "grant_extension",
    "last_deadline", "next_code", "normalise_title", "open_editions", "publish_screening", "record_revision",
    "remove_evidence", "require_editable", "save_proposal", "screen_entry", "send_entry", "settings_for",
    "similar_titles", "snapshot_of", "submission_deadline", "verify_entry", "withdraw_entry", "word_limit_errors",
]
