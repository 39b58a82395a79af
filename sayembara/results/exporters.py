"""Spreadsheets and CSV files of results: the recap workbook and the published ranking's check files.

Every cell goes through ``sayembara.tabular`` (no text can become a formula). The recap is in Indonesian
whatever the interface language, like the papers in ``documents``.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from sayembara.jury.models import ScoreSheet
from sayembara.tabular import append_row, workbook_bytes

from .documents import ELEMENT_ID, final_rows, hash_line, method_in_indonesian

CHECK_FILES = ("scores.csv", "weights.csv")


def published_check_rows(payload: dict, name: str) -> list[list]:
    """The rows of a check file anyone can feed to ``sayembara-score rank`` to re-compute a published ranking.

    Scores and weights stay numbers; entry codes and juror numbers are system-made, so the files feed the
    command line unchanged.
    """
    if name == "scores.csv":
        return [["entry", "juror", "criterion", "score", "stage"], *payload["scores"]]
    if name == "weights.csv":
        rows = [["criterion", "weight", "stage"]]
        rows += [[c, w, s] for s, c, w in payload["weights"]["criteria"]]
        rows += [["", w, s] for s, w in payload["weights"]["stages"]]
        return rows
    raise KeyError(name)


def recap_xlsx(edition) -> bytes:
    """The final ranking and every criterion score, for people who want to sort and filter."""
    run, rows = final_rows(edition)
    wb = Workbook()
    ws = wb.active
    ws.title = "Nilai akhir"
    append_row(ws, ["Peringkat", "Nomor", "Inovasi", "Instansi", "Kategori", "Nilai rata-rata", "Nilai terkoreksi",
                    "Peringkat terbaik", "Peringkat terburuk", "P(masuk juara)", "Seri statistik"])
    for r in rows:
        append_row(ws, [r.rank, r.entry.code, r.entry.title, r.entry.institution.name,
                        r.entry.category.name if r.entry.category else "", round(r.plain_mean or 0, 3), round(r.score, 3),
                        r.rank_low, r.rank_high, r.p_top, "ya" if r.tie else "tidak"])
    sheets = wb.create_sheet("Nilai per juri")
    append_row(sheets, ["Tahap", "Nomor", "Juri", "Unsur", "Kriteria", "Nilai", "Alasan"])
    scores = (
        ScoreSheet.objects.filter(stage__edition=edition, status=ScoreSheet.Status.SUBMITTED)
        .select_related("stage", "entry", "juror__user")
        .prefetch_related("scores__criterion")
        .order_by("stage__order", "entry__code", "juror__element")
    )
    for sheet in scores:
        for score in sheet.scores.all():
            append_row(sheets, [sheet.stage.name, sheet.entry.code, sheet.juror.user.full_name,
                                ELEMENT_ID[sheet.juror.element], score.criterion.name, float(score.value), score.justification])
    info = wb.create_sheet("Keterangan")
    append_row(info, [hash_line(edition)])
    append_row(info, [f"Metode {method_in_indonesian(run.method_used)}, {run.bootstrap} kali simulasi model statistik, "
                      f"bilangan acak awal {run.seed}"])
    for ws_ in (ws, sheets):
        for cell in ws_[1]:
            cell.font = Font(bold=True)
    return workbook_bytes(wb)
