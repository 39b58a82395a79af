"""The official papers of an edition, as A4 PDFs (reportlab); the XLSX recap is in ``exporters``.

They are written in Indonesian whatever the interface language: official
government documents must be (UU 24/2009, art. 27). Every paper carries the
SHA-256 of the published results, or says plainly that they are not yet
published, so a printed copy can be checked against the public page.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape
from collections import defaultdict

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from sayembara.entries.models import Entry
from sayembara.jury.models import ScoreSheet

from . import numbering, sequence, services
from .models import Award, Certificate, Decision

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=STYLES["Normal"], fontName="Helvetica", fontSize=10, leading=13)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10)
SMALL_CENTER = ParagraphStyle("small_center", parent=SMALL, alignment=TA_CENTER)
TITLE = ParagraphStyle("title", parent=BODY, fontName="Helvetica-Bold", fontSize=13, leading=16, alignment=TA_CENTER)
CENTER = ParagraphStyle("center", parent=BODY, alignment=TA_CENTER)
HEAD = ParagraphStyle("head", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=8)
GRID = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8efe9")),
    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
    ("FONTSIZE", (0, 0), (-1, -1), 8.5),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
])


def _t(value) -> str:
    """User text as reportlab paragraph text: every tag-like character escaped. Paragraph markup is the app's own
    (``<b>``, ``<br/>``); a title like ``SIP<b>DES`` or a justification with ``<img src="/path">`` must print as
    written, never become markup or embed a file from the server."""
    return escape(str(value), {'"': "&quot;", "'": "&#x27;"})


def _date(value) -> str:
    with override("id"):
        return date_format(timezone.localtime(value) if hasattr(value, "tzinfo") else value, "j F Y")


def hash_line(edition) -> str:
    version = sequence.current_version(edition)
    if version is None:
        return "Hasil akhir belum diumumkan: dokumen ini adalah draf."
    return f"SHA-256 hasil yang diumumkan: {version.sha256}"


def _letterhead(edition, conf=None) -> list:
    conf = conf or services.settings_for(edition)
    line = Table([[""]], colWidths=[170 * mm], style=[("LINEBELOW", (0, 0), (-1, -1), 1.5, colors.black)])
    return [
        Paragraph(_t(conf.letterhead_title), TITLE),
        Paragraph(_t(conf.letterhead_subtitle), TITLE),
        Paragraph(_t(conf.letterhead_address), CENTER),
        line,
        Spacer(1, 6 * mm),
    ]


def _heading(edition, title: str, space: float = 4 * mm, conf=None) -> list:
    """Letterhead, the paper's title and the edition it belongs to (``conf``: the result settings, when in hand)."""
    return _letterhead(edition, conf) + [
        Paragraph(_t(title), TITLE),
        Paragraph(f"{_t(edition.title)} {edition.year}", CENTER),
        Spacer(1, space),
    ]


def _build(story: list, edition, pagesize=A4) -> bytes:
    buffer = io.BytesIO()
    footer = hash_line(edition)

    def on_page(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawString(15 * mm, 10 * mm, footer)
        canvas.drawRightString(pagesize[0] - 15 * mm, 10 * mm, f"Halaman {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=15 * mm, bottomMargin=18 * mm,
        title=f"{edition.title} {edition.year}", author=edition.host, creator="Sayembara",
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


# Official papers speak Indonesian only: the ranking methods in the words of a berita acara.
METHOD_ID = {
    "additive": "model aditif dengan koreksi kelonggaran juri",
    "mean": "rata-rata nilai juri",
    "median": "median nilai juri",
    "trimmed": "rata-rata terpangkas",
    "zscore": "skor baku per juri",
}


RANGE_READING = (
    "Rentang peringkat dibaca begini: “peringkat 2, dengan rentang 1–4” berarti peringkat sebenarnya inovasi itu "
    "terletak antara 1 dan 4 dengan keyakinan 95%. Tanda seri statistik berarti selisih nilai dengan posisi di "
    "sekitarnya tidak dapat dibedakan secara statistik."
)


def _rank_with_range(row) -> str:
    """'E-07 peringkat 2, dengan rentang 1–4': the words a paper uses for a place and its uncertainty."""
    if not row.rank_low:
        return f"{_t(row.entry.code)} peringkat {row.rank}"
    return f"{_t(row.entry.code)} peringkat {row.rank}, dengan rentang {row.rank_low}–{row.rank_high}"


def method_in_indonesian(method: str) -> str:
    """``method_used`` may carry a note after the name (e.g. a fallback): the name is translated, the rest kept."""
    name, _, rest = (method or "").partition(" ")
    return (METHOD_ID.get(name, name) + (f" {rest}" if rest else "")).strip()


def _decision(edition):
    return Decision.objects.filter(edition=edition).first()


def _act_date(edition, act: str):
    """The date of the act a paper records, never the day it is printed: the jury's decision (its meeting), the
    decree, or the publication of the result it states (the latest correction's, if any). Today only for a draft."""
    decision = _decision(edition)
    if act == "decree" and decision is not None and decision.decree_date:
        return decision.decree_date
    if act in ("decision", "decree"):
        if decision is not None:
            return decision.held_on
        return services.settings_for(edition).locked_at or timezone.now()
    version = sequence.current_version(edition)
    return version.published_at if version is not None and version.published_at else timezone.now()


SIGNATURES_PER_ROW = 4


def _signatures(names_and_roles: list[tuple], edition, act: str = "decision", place: str | None = None) -> list:
    """Signature blocks: the role, room to sign, the name underlined, and the NIP where one is given; ``place``
    (city and date) when a paper of many pages has read it once."""
    blocks = [Paragraph(f"{_t(role)}<br/><br/><br/><br/><u>{_t(name)}</u>"
                        + (f"<br/>NIP {_t(rest[0])}" if rest and rest[0] else ""), CENTER)
              for name, role, *rest in names_and_roles]
    # At most four blocks a row: a national jury of 300 signs on rows of four, not in 300 columns too narrow to
    # hold a name (which reportlab cannot lay out at all).
    across = max(1, min(SIGNATURES_PER_ROW, len(blocks)))
    rows = [blocks[i:i + across] for i in range(0, len(blocks), across)] or [[""]]
    rows[-1] += [""] * (across - len(rows[-1]))
    place = Paragraph(place or _place_and_date(edition, act), BODY)
    grid = Table(rows, colWidths=[170 * mm / across] * across, style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 6 * mm)]))
    return [place, grid]


def _place_and_date(edition, act: str = "decision") -> str:
    return f"{_t(services.settings_for(edition).city)}, {_date(_act_date(edition, act))}"


def _jury(edition):
    return list(edition.jurors.select_related("user", "affiliation").order_by("element"))


ELEMENT_ID = {"academic": "Unsur Akademisi", "ngo": "Unsur LSM", "bureaucracy": "Unsur Birokrasi", "other": "Unsur Lainnya"}


def final_rows(edition, stage=None):
    """The stored ranking a paper states and its rows (see :func:`current_ranking`)."""
    run = current_ranking(edition, stage)
    return run, list(services.ranked_rows(run))


def current_ranking(edition, stage=None):
    """The stored ranking a paper states. Never computed here: that takes seconds at national scale (a job), and a
    paper must state a ranking the organiser has seen; a missing or out-of-date one is refused with the reason."""
    run, stale = services.current_run(edition, stage)
    if run is None and not ScoreSheet.objects.filter(stage__edition=edition, status=ScoreSheet.Status.SUBMITTED).exists():
        raise services.NoScoresYet(_("There are no submitted score sheets to rank yet."))
    if run is None or stale:
        raise services.RankingOutOfDate(
            _("The scores changed since the ranking was computed, or it was never computed: compute it, then print "
              "this paper again."))
    return run


# --- Recap (rekapitulasi nilai) -------------------------------------------------


def recap_pdf(edition, stage=None) -> bytes:
    run, rows = final_rows(edition, stage)
    what = f"Tahap {stage.name}" if stage else "Nilai Akhir"
    story = _heading(edition, f"REKAPITULASI NILAI – {what.upper()}") + [
        Paragraph(
            f"Metode: {method_in_indonesian(run.method_used)}; rentang peringkat dari {run.bootstrap} kali simulasi model statistik "
            f"(bilangan acak awal {run.seed}). {RANGE_READING}", SMALL),
        Spacer(1, 3 * mm),
    ]
    data = [["Peringkat", "Nomor", "Inovasi", "Instansi", "Nilai rata-rata", "Nilai terkoreksi", "Rentang", "Seri"]]
    for r in rows:
        data.append([
            str(r.rank), r.entry.code, Paragraph(_t(r.entry.title), SMALL), Paragraph(_t(r.entry.institution.name), SMALL),
            f"{r.plain_mean:.2f}" if r.plain_mean is not None else "–", f"{r.score:.2f}",
            f"{r.rank_low}–{r.rank_high}" if r.rank_low else "–", "ya" if r.tie else "",
        ])
    story.append(Table(data, colWidths=[16 * mm, 24 * mm, 48 * mm, 40 * mm, 18 * mm, 18 * mm, 14 * mm, 10 * mm],
                       style=GRID, repeatRows=1))
    story += [Spacer(1, 8 * mm), *_signatures([(j.user.full_name, ELEMENT_ID[j.element]) for j in _jury(edition)], edition)]
    return _build(story, edition)


# --- Berita acara and the draft decree ----------------------------------------------


def _awards(edition):
    return list(Award.objects.filter(edition=edition).select_related("entry__institution", "category").order_by("category__order", "order"))


def _awards_table(awards) -> Table:
    data = [["Penghargaan", "Kategori", "Inovasi", "Instansi", "Nilai akhir"]]
    for a in awards:
        data.append([a.title, Paragraph(_t(a.category.name) if a.category else "–", SMALL), Paragraph(_t(a.entry.title), SMALL),
                     Paragraph(_t(a.entry.institution.name), SMALL), f"{a.final_score:.2f}" if a.final_score is not None else "–"])
    return Table(data, colWidths=[22 * mm, 32 * mm, 52 * mm, 46 * mm, 18 * mm], style=GRID, repeatRows=1)


def _public_test_lines(edition) -> list:
    """The provisional announcements and their public test, as the minutes of the decision recount them."""
    from .models import Objection

    lines = []
    for a in edition.provisional_announcements.order_by("version"):
        responses = Objection.objects.filter(announcement=a)
        upheld = responses.filter(outcome=Objection.Outcome.UPHELD).count()
        lines.append(
            f"Pengumuman sementara Nomor {_t(a.number)} tanggal {_date(a.announced_at)}, uji publik sampai dengan "
            f"{_date(a.public_test_ends_at)}: {responses.count()} tanggapan masyarakat, {upheld} diterima"
            + (f"; perubahan: {_t(a.reason)}" if a.reason else "") + ".")
    return lines


def minutes_pdf(edition) -> bytes:
    """Berita acara of the judging and of the decision on the winners, dated and numbered from the decision."""
    run, rows = final_rows(edition)
    decision = _decision(edition)
    jury = _jury(edition)
    present = set(decision.present.values_list("pk", flat=True)) if decision else {j.pk for j in jury}
    awards = _awards(edition)
    stages = list(edition.stages.all())
    n_sheets = ScoreSheet.objects.filter(stage__edition=edition, status=ScoreSheet.Status.SUBMITTED).count()
    place = decision.place if decision else (edition.venue or edition.host)
    story = _heading(edition, "BERITA ACARA PENILAIAN DAN PENETAPAN PEMENANG", space=2 * mm) + [
        Paragraph(f"Nomor: {_t(decision.minutes_number)}" if decision else "Nomor: ........................", CENTER),
        Spacer(1, 4 * mm),
        Paragraph(
            f"Pada hari ini, {_date(_act_date(edition, 'decision'))}, bertempat di {_t(place)}, tim juri "
            f"{_t(edition.title)} {edition.year} yang ditetapkan dengan Keputusan Nomor {_t(edition.decree_number or '–')} "
            "telah melaksanakan penilaian dan rapat penetapan pemenang dengan hasil sebagai berikut.", BODY),
        Paragraph("1. Tim juri", HEAD),
    ]
    story.append(Table([["No", "Nama", "Unsur", "Afiliasi", "Kehadiran"]] + [
        [str(i), Paragraph(_t(j.user.full_name), SMALL), ELEMENT_ID[j.element], Paragraph(_t(j.affiliation or "–"), SMALL),
         "hadir" if j.pk in present else "tidak hadir"]
        for i, j in enumerate(jury, start=1)
    ], colWidths=[10 * mm, 52 * mm, 34 * mm, 52 * mm, 22 * mm], style=GRID))
    story += [
        Paragraph("2. Tahap dan bobot penilaian", HEAD),
        Table([["Tahap", "Bobot", "Kriteria"]] + [
            [Paragraph(_t(s.name), SMALL), f"{s.weight:.0f}%",
             Paragraph(", ".join(f"{_t(c.name)} ({c.weight:.0f}%)" for c in s.criteria.all()), SMALL)]
            for s in stages
        ], colWidths=[45 * mm, 20 * mm, 105 * mm], style=GRID),
        Paragraph(
            f"Jumlah peserta yang dinilai: {len(rows)}. Jumlah lembar penilaian: {n_sheets}. "
            f"Peringkat dihitung dengan metode {method_in_indonesian(run.method_used)}; rentang peringkat dari {run.bootstrap} kali "
            f"simulasi model statistik (bilangan acak awal {run.seed}); "
            f"siapa pun dapat menghitung ulang dari berkas nilai yang diumumkan. {RANGE_READING}", BODY),
    ]
    ties = [r for r in rows if r.tie]
    if ties:
        story.append(Paragraph(
            "Catatan seri statistik: " + "; ".join(_rank_with_range(r) for r in ties)
            + ". Selisih nilai pada posisi ini tidak dapat dibedakan secara statistik; posisi ini diputuskan dengan "
            "aturan penentuan yang telah ditetapkan sebelumnya.", SMALL))
    public_test = _public_test_lines(edition)
    story += [Paragraph("3. Pengumuman sementara dan uji publik", HEAD)]
    story += [Paragraph(line, BODY) for line in public_test] or [Paragraph("Belum ada pengumuman sementara.", BODY)]
    story += [Paragraph("4. Penetapan pemenang", HEAD), _awards_table(awards) if awards else Paragraph("Pemenang belum ditetapkan.", BODY),
              Spacer(1, 8 * mm),
              Paragraph("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.", BODY),
              Spacer(1, 6 * mm),
              *_signatures([(j.user.full_name, f"Juri {ELEMENT_ID[j.element]}") for j in jury if j.pk in present], edition)]
    return _build(story, edition)


def attendance_pdf(edition) -> bytes:
    """Daftar hadir of the decision meeting: the jurors, their element and room to sign."""
    decision = _decision(edition)
    jury = _jury(edition)
    when = _date(_act_date(edition, "decision"))
    place = decision.place if decision else (edition.venue or edition.host)
    story = _heading(edition, "DAFTAR HADIR RAPAT PENETAPAN PEMENANG") + [
        Paragraph(f"Hari/tanggal: {when}<br/>Tempat: {_t(place)}"
                  + (f"<br/>Berita acara nomor: {_t(decision.minutes_number)}" if decision else ""), BODY),
        Spacer(1, 4 * mm),
        Table([["No", "Nama", "Unsur", "Afiliasi", "Tanda tangan"]] + [
            [str(i), Paragraph(_t(j.user.full_name), SMALL), ELEMENT_ID[j.element], Paragraph(_t(j.affiliation or "–"), SMALL),
             f"{i}. ..............." if (decision is None or decision.present.filter(pk=j.pk).exists()) else "tidak hadir"]
            for i, j in enumerate(jury, start=1)
        ], colWidths=[10 * mm, 50 * mm, 34 * mm, 46 * mm, 30 * mm], style=GRID, repeatRows=1),
    ]
    return _build(story, edition)


def decree_pdf(edition) -> bytes:
    """A draft Keputusan Bupati naming the winners, in the structure the regent's legal section (Bagian Hukum)
    works with: title, the regent, Menimbang, Mengingat, MEMUTUSKAN, Menetapkan, KESATU..., the place and date of
    enactment left for the day it is signed, and the regent's signature block."""
    conf = services.settings_for(edition)
    awards = _awards(edition)
    regent = conf.regent_title.strip() or "BUPATI"
    subject = f"PENETAPAN PEMENANG {_t(edition.title.upper())} TAHUN {edition.year}"
    label = ParagraphStyle("label", parent=BODY, leftIndent=0)

    def clause(name: str, text: str) -> Table:
        return Table([[Paragraph(name, label), Paragraph(":", label), Paragraph(text, BODY)]],
                     colWidths=[28 * mm, 5 * mm, 137 * mm], style=[("VALIGN", (0, 0), (-1, -1), "TOP")])

    decision = _decision(edition)
    signed = decision is not None and bool(decision.decree_number and decision.decree_date)
    number = _t(decision.decree_number) if signed else "........................"
    enacted = _date(decision.decree_date) if signed else "........................"
    laws = [line.strip() for line in conf.decree_legal_basis.splitlines() if line.strip()]
    if edition.decree_number:
        laws.append(f"Keputusan Nomor {_t(edition.decree_number)} tentang Penyelenggaraan {edition.title} Tahun {edition.year}")
    considering = (
        f"a. bahwa dalam rangka mendorong inovasi pelayanan publik di daerah telah diselenggarakan {_t(edition.title)} "
        f"Tahun {edition.year};<br/>"
        "b. bahwa berdasarkan berita acara penilaian dan penetapan pemenang oleh tim juri"
        + (f" Nomor {_t(decision.minutes_number)} tanggal {_date(decision.held_on)}" if decision else "")
        + ", setelah pengumuman sementara dan uji publik, perlu menetapkan pemenang "
        f"{_t(edition.title)} Tahun {edition.year};<br/>"
        f"c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan "
        f"{_t(regent.title())} tentang Penetapan Pemenang {_t(edition.title)} Tahun {edition.year};"
    )
    story = [
        Paragraph("SALINAN" if signed else "DRAF", CENTER),
        Paragraph(f"KEPUTUSAN {_t(regent)}", TITLE),
        Paragraph(f"NOMOR {number}", CENTER),
        Spacer(1, 2 * mm),
        Paragraph("TENTANG", CENTER),
        Paragraph(subject, TITLE),
        Spacer(1, 3 * mm),
        Paragraph(f"{_t(regent)},", TITLE),
        Spacer(1, 3 * mm),
        clause("Menimbang", considering),
        clause("Mengingat", "<br/>".join(f"{i}. {_t(law)};" for i, law in enumerate(laws, start=1))),
        Spacer(1, 3 * mm),
        Paragraph("MEMUTUSKAN:", TITLE),
        clause("Menetapkan", f"KEPUTUSAN {_t(regent)} TENTANG {subject}."),
        clause("KESATU", f"Menetapkan pemenang {_t(edition.title)} Tahun {edition.year} sebagaimana tercantum dalam "
                         "Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini."),
        clause("KEDUA", "Kepada pemenang sebagaimana dimaksud dalam Diktum KESATU diberikan piagam penghargaan."),
        clause("KETIGA", "Keputusan ini mulai berlaku pada tanggal ditetapkan."),
        Spacer(1, 6 * mm),
        Table([[""], [Paragraph(f"Ditetapkan di {_t(conf.city)}<br/>pada tanggal {enacted}<br/><br/>"
                                f"{_t(regent)},<br/><br/><br/><br/><u>{_t(conf.regent_name or '..............................')}</u>",
                                BODY)]], colWidths=[170 * mm], style=[("LEFTPADDING", (0, 1), (0, 1), 95 * mm)]),
        PageBreak(),
        Paragraph(f"LAMPIRAN KEPUTUSAN {_t(regent)}<br/>NOMOR {number}<br/>TENTANG {subject}", SMALL),
        Spacer(1, 4 * mm),
        _awards_table(awards) if awards else Paragraph("Pemenang belum ditetapkan.", BODY),
    ]
    return _build(story, edition)


# --- Score sheets, certificates, feedback letters ------------------------------------


def score_sheets_pdf(edition, juror) -> bytes:
    """Lembar penilaian: one page per submitted sheet of one juror, with scores and justifications."""
    sheets = (
        ScoreSheet.objects.filter(stage__edition=edition, juror=juror)
        .select_related("stage", "entry__institution")
        .prefetch_related("scores__criterion")
        .order_by("stage__order", "entry__code")
    )
    story = []
    conf, place = services.settings_for(edition), _place_and_date(edition)  # once, not per sheet
    for sheet in sheets:
        story += _heading(edition, f"LEMBAR PENILAIAN – {sheet.stage.name.upper()}", conf=conf) + [
            Paragraph(f"Nomor entri: {_t(sheet.entry.code)}<br/>Inovasi: {_t(sheet.entry.title)}<br/>"
                      f"Juri: {_t(juror.user.full_name)} ({ELEMENT_ID[juror.element]})<br/>"
                      f"Status: {'terkirim ' + _date(sheet.submitted_at) if sheet.submitted_at else 'draf'}"
                      + (" – dimasukkan panitia dari lembar kertas" if sheet.entered_by_id else ""), BODY),
            Spacer(1, 3 * mm),
        ]
        data = [["Kriteria", "Bobot", "Nilai", "Alasan"]]
        for score in sheet.scores.all():
            data.append([score.criterion.name, f"{score.criterion.weight:.0f}%", f"{score.value:.0f}",
                         Paragraph(_t(score.justification or "–"), SMALL)])
        story += [Table(data, colWidths=[45 * mm, 18 * mm, 15 * mm, 92 * mm], style=GRID), Spacer(1, 10 * mm),
                  *_signatures([(juror.user.full_name, "Juri")], edition, place=place), PageBreak()]
    if not story:
        story = [Paragraph("Juri ini belum memiliki lembar penilaian.", BODY)]
    return _build(story, edition)


def _qr(url: str, size: float = 32 * mm) -> Drawing:
    widget = QrCodeWidget(url)
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    """A piagam, landscape A4, with its code and a QR code that opens the public verification page."""
    edition, entry = certificate.edition, certificate.entry
    big = ParagraphStyle("big", parent=TITLE, fontSize=26, leading=32)
    mid = ParagraphStyle("mid", parent=TITLE, fontSize=16, leading=20)
    # The award as certified: a correction may since have replaced it, the certificate still states what it was.
    title = certificate.award_title or (certificate.award.title if certificate.award else "")
    what = f"sebagai <b>{_t(title)}</b>" if certificate.kind == Certificate.Kind.WINNER and title else "sebagai <b>Peserta</b>"
    decision = _decision(edition)
    conf = services.settings_for(edition)
    story = _letterhead(edition) + [
        Paragraph("PIAGAM PENGHARGAAN", big),
        Paragraph(f"Nomor: {_t(certificate.number)}" if certificate.number else "", CENTER),
        Spacer(1, 6 * mm),
        Paragraph("diberikan kepada", CENTER),
        Paragraph(_t(entry.institution.name), mid),
        Paragraph(f"atas inovasi <b>{_t(entry.title)}</b>", CENTER),
        Paragraph(f"{what} dalam {_t(edition.title)} Tahun {edition.year}", CENTER),
        Paragraph(f"berdasarkan Keputusan {_t(conf.regent_title.title() or 'Bupati')} Nomor "
                  f"{_t(decision.decree_number)} tanggal {_date(decision.decree_date)}", SMALL_CENTER)
        if decision is not None and decision.decree_number and decision.decree_date else Spacer(1, 1),
        Spacer(1, 8 * mm),
        Table([[_qr(verify_url), Paragraph(f"Kode piagam: <b>{_t(certificate.code)}</b><br/>Periksa keaslian: {_t(verify_url)}", SMALL),
                _signatures([(conf.signatory_name or "..............................", conf.signatory_title,
                              conf.signatory_nip)], edition, act="publication")]],
              colWidths=[40 * mm, 90 * mm, 110 * mm]),
    ]
    return _build(story, edition, pagesize=landscape(A4))


def _published_rank(edition, entry: Entry):
    """The entry's row of the result as published (the latest correction's), never a ranking computed since;
    the organiser's preview before the publication reads the current ranking."""
    version = sequence.current_version(edition)
    if version is not None:
        ranking = sequence.shown(version)["ranking"]
        return next((r for r in ranking if r["entry"] == entry.code), None), len(ranking)
    run, rows = final_rows(edition)
    row = next((r for r in rows if r.entry_id == entry.pk), None)
    return ({"rank": row.rank, "score": row.score} if row else None), len(rows)


def feedback_pdf(edition, entry: Entry) -> bytes:
    """A letter to a participant: its scores per criterion against the field, and the jurors' justifications."""
    field = services.field_statistics(edition)
    sheets = (
        ScoreSheet.objects.filter(entry=entry, stage__edition=edition, status=ScoreSheet.Status.SUBMITTED)
        .select_related("stage", "juror")
        .prefetch_related("scores__criterion")
        .order_by("stage__order", "juror__element")
    )
    own: dict[tuple[str, str], list[float]] = defaultdict(list)
    reasons: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sheet in sheets:
        for score in sheet.scores.all():
            key = (sheet.stage.name, score.criterion.name)
            own[key].append(float(score.value))
            if score.justification:
                reasons[key].append(score.justification)
    mine, total = _published_rank(edition, entry)
    number = numbering.number_of(edition, "feedback", entry.code)
    story = _letterhead(edition) + [
        Paragraph("SURAT UMPAN BALIK PENILAIAN", TITLE),
        Paragraph(f"Nomor: {_t(number)}" if number else "Nomor: ........................", CENTER),
        Spacer(1, 4 * mm),
        Paragraph(f"Kepada Yth. Pimpinan {_t(entry.institution.name)}<br/>Perihal: hasil penilaian inovasi "
                  f"<b>{_t(entry.title)}</b> ({_t(entry.code)}) dalam {_t(edition.title)} Tahun {edition.year}", BODY),
        Spacer(1, 3 * mm),
        Paragraph("Terima kasih atas partisipasi Bapak/Ibu. Berikut nilai inovasi Anda per kriteria dibandingkan dengan "
                  "seluruh peserta, beserta alasan yang ditulis para juri, sebagai bahan penyempurnaan inovasi.", BODY),
    ]
    if mine:
        story.append(Paragraph(f"Peringkat akhir: {mine['rank']} dari {total} (nilai {mine['score']:.2f}).", BODY))
    data = [["Tahap", "Kriteria", "Nilai Anda", "Rata-rata peserta", "Terendah–tertinggi", "Alasan juri"]]
    for key, values in own.items():
        stats = field.get(key, {})
        data.append([Paragraph(_t(key[0]), SMALL), Paragraph(_t(key[1]), SMALL), f"{sum(values) / len(values):.1f}",
                     f"{stats.get('mean', 0):.1f}", f"{stats.get('low', 0):.0f}–{stats.get('high', 0):.0f}",
                     Paragraph("<br/>".join(_t(reason) for reason in reasons[key]) or "–", SMALL)])
    story += [Spacer(1, 3 * mm), Table(data, colWidths=[24 * mm, 28 * mm, 16 * mm, 20 * mm, 22 * mm, 60 * mm], style=GRID, repeatRows=1),
              Spacer(1, 8 * mm), *_signatures([("..............................", "Ketua Panitia")], edition, act="publication")]
    return _build(story, edition)
