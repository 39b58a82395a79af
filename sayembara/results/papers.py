"""The recaps of a national edition: printed on the worker, kept in storage, downloaded from the job's page.

A recap lists every ranked entry; at national scale (5,000 entries, 45,000 scores) laying it out takes longer
than a page may (about 4 s for the PDF, more for the workbook), so above ``INLINE_ROWS_MAX`` rows the worker
prints it. Each print is a new file named by its job: a paper states the record as it stood when it was printed
(ranking, publication, decision), so no file is reused for a later request.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .models import RankedEntry

LARGE_PAPERS = {"recap.pdf": "application/pdf",
                "recap.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
INLINE_ROWS_MAX = 1000
"""Up to this many ranked entries a recap is printed inside the request (well under a second)."""


def filename(year: int, kind: str, stage_order: int | None = None) -> str:
    stem = f"rekapitulasi-{year}" + (f"-tahap-{stage_order}" if stage_order is not None else "")
    return f"{stem}.{kind.rsplit('.', 1)[1]}"


def rows_to_print(edition, stage=None) -> int:
    """How many ranked entries the recap will list: the current ranking's (``final_rows`` refuses a stale one)."""
    from .documents import current_ranking

    return RankedEntry.objects.filter(run=current_ranking(edition, stage)).count()


def render(edition, kind: str, stage=None) -> bytes:
    from . import documents, exporters

    if kind == "recap.pdf":
        return documents.recap_pdf(edition, stage)
    if kind == "recap.xlsx":
        return exporters.recap_xlsx(edition)
    raise KeyError(kind)


def storage_path(year: int, job_pk: int, kind: str, stage_order: int | None) -> str:
    return f"papers/{year}/{job_pk}/{filename(year, kind, stage_order)}"


def print_and_keep(edition, kind: str, stage, job_pk: int) -> str:
    """Print the paper and keep it under the job's name; returns its storage path."""
    return default_storage.save(storage_path(edition.year, job_pk, kind, stage.order if stage else None),
                                ContentFile(render(edition, kind, stage)))
