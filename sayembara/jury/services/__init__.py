"""The jury's business rules: conflicts, assignment, scoring, progress, schedules.

Views stay thin and call these functions. Every list-building function reads
the database in a fixed number of queries, whatever the number of entries.
One module per concept; everything other code uses is importable from here
(``from sayembara.jury import services``).
"""

from .assignment import (AssignmentOutcome, add_assignment, assignment_overview, expertise_affinity, lock_assignment,
                         panel_entries, panel_rows, remove_assignment, run_assignment, unlock_assignment)
from .conflicts import conflict_register, conflicted_pairs, detect_conflicts, record_conflict
from .errors import BadSubmission, JuryError, StaleSheet
from .invitations import accept_code_of_conduct, accept_invitation, invite_juror, juror_for_invitation
from .live import (ENTRY_REF, LIVE_KEY, LIVE_TEXT_LIMIT, LiveSubmission, apply_live_submission, parse_live_submission,
                   read_live_body, sheet_answer)
from .opening import blind_overlap, close_stage, open_stage
from .paper_import import IMPORT_HEADERS, import_sheets
from .progress import entry_progress, progress, send_reminders, sheets_of
from .schedule import build_schedule, schedule
from .scoring import current_values, parse_scores, reopen_sheet, save_sheet
from .solver_input import solver_pool
from .stages import juror_stage_entries, stage_entries, stage_jury

__all__ = [
    "AssignmentOutcome", "BadSubmission", "ENTRY_REF", "IMPORT_HEADERS", "JuryError", "LIVE_KEY", "LIVE_TEXT_LIMIT",
    "LiveSubmission", "StaleSheet", "accept_code_of_conduct", "accept_invitation", "add_assignment",
    "apply_live_submission", "assignment_overview", "blind_overlap", "build_schedule", "close_stage",
    "conflict_register", "conflicted_pairs", "current_values", "detect_conflicts", "entry_progress", "expertise_affinity",
    "import_sheets", "invite_juror", "juror_for_invitation", "juror_stage_entries", "lock_assignment", "open_stage",
    "panel_entries", "panel_rows", "parse_live_submission", "parse_scores", "progress", "read_live_body", "record_conflict", "remove_assignment",
    "reopen_sheet", "run_assignment", "save_sheet", "schedule", "send_reminders", "sheet_answer", "sheets_of", "solver_pool",
    "stage_entries", "stage_jury", "unlock_assignment",
]
