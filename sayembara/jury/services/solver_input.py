"""What the numeric core (``sayembara_score.assignment``) reads of an edition's entries and jurors."""

from __future__ import annotations

from collections import defaultdict

from sayembara.editions.models import Edition
from sayembara.entries.models import Entry, TeamMember

from ..models import Juror


def solver_pool(edition: Edition, entries) -> tuple[list[dict], list[dict], dict, dict]:
    """The numeric core's entries and jurors, read in a fixed number of queries.

    Institutions are passed as primary keys (as strings), so two bodies with the
    same name never collide and an entry's parent institution counts too.
    Returns (solver entries, solver jurors, entry rows by id, juror rows by id).
    """
    entry_rows = list(entries.values("pk", "code", "institution_id", "institution__parent_id", "category_id"))
    juror_rows = list(Juror.objects.filter(edition=edition).values("pk", "element", "affiliation_id", "max_load", "user_id"))
    team = _team_entries([row["pk"] for row in entry_rows])
    solver_entries = [
        {
            "entry": str(row["pk"]),
            "institution": f"i{row['institution_id']}",
            "parent_institution": f"i{row['institution__parent_id']}" if row["institution__parent_id"] else None,
        }
        for row in entry_rows
    ]
    solver_jurors = [
        {
            "juror": str(row["pk"]),
            "element": row["element"],
            "institution": f"i{row['affiliation_id']}" if row["affiliation_id"] else None,
            "max_load": row["max_load"],
            "team_entries": team.get(row["user_id"], []),
        }
        for row in juror_rows
    ]
    return solver_entries, solver_jurors, {r["pk"]: r for r in entry_rows}, {r["pk"]: r for r in juror_rows}


def _team_entries(entry_ids: list[int]) -> dict[int, list[str]]:
    """Per user id, the entries (ids as strings) the user is on the team of or created."""
    team = defaultdict(list)
    for user_id, entry_id in TeamMember.objects.filter(entry_id__in=entry_ids, user__isnull=False).values_list(
        "user_id", "entry_id"
    ):
        team[user_id].append(str(entry_id))
    for user_id, entry_id in Entry.objects.filter(pk__in=entry_ids, created_by__isnull=False).values_list(
        "created_by_id", "pk"
    ):
        team[user_id].append(str(entry_id))
    return team
