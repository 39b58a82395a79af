"""The proposal as a printable page and as a PDF, with or without the identity of the unit."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils import formats
from django.utils.translation import gettext as _

from .blind import blind_copy, masker_for
from .models import Entry, EntryDetails, Evidence, answers_in_form


def proposal_context(entry: Entry, blind: bool) -> dict:
    """The proposal as printed. Without identity it masks exactly what a blind juror's screen masks (the same
    ``entries.blind`` module): the unit and its parents in every form, the team, e-mails and phone numbers."""
    details = EntryDetails.objects.filter(entry=entry).prefetch_related("sdgs").first()
    innovation = entry.innovation
    answers = [(a.section.title, a.text) for a in answers_in_form(
        entry, entry.answers.select_related("section").order_by("section__order"))]
    title = entry.title
    masked = []
    if blind:
        copy = blind_copy(entry, answers)
        title, answers, masked = copy.title, copy.answers, copy.masked
    profile = [
        (_("Entry number"), entry.code),
        (_("Title of the innovation"), title),
        (_("Category"), entry.category.name if entry.category_id else "–"),
        (_("In operation since"), formats.date_format(innovation.started_on, "j F Y") if innovation.started_on else "–"),
        (_("Maturity"), innovation.get_maturity_display()),
        (_("Form of the innovation"), innovation.get_form_display()),
        (_("Digital or non-digital"), _("Digital") if innovation.is_digital else _("Non-digital")),
        (_("Sustainable Development Goals (SDGs)"), ", ".join(str(s) for s in details.sdgs.all()) if details else "–"),
        (_("Is the innovation an application?"), _("Yes") if details and details.is_application else _("No")),
    ]
    if not blind:
        profile.insert(2, (_("Institution"), entry.institution.name))
        profile.append((_("Video link"), entry.video_url or "–"))
        team = ", ".join(f"{m.name} ({m.role})" if m.role else m.name for m in entry.team.all())
        profile.append((_("Team members"), team or "–"))
    spbe = []
    if details and details.is_application:
        from .services import settings_for

        questions = settings_for(entry.edition).spbe_questions or []
        spbe = [(q, details.spbe_answers.get(str(i), "")) for i, q in enumerate(questions)]
    if blind and spbe:
        masker = masker_for(entry)
        spbe = [(question, masker.mask(answer).text) for question, answer in spbe]
    return {
        "entry": entry, "blind": blind, "profile": profile, "spbe": spbe, "title": title, "masked": masked,
        "answers": answers,
        "evidence": list(Evidence.objects.filter(entry=entry).select_related("slot").order_by("slot__order")),
    }


def proposal_pdf(entry: Entry, blind: bool) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    context = proposal_context(entry, blind)
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    # No author or creator in the PDF either: the blind copy must not name the unit anywhere.
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm,
        title=entry.code if blind else f"{entry.code} {entry.title}", author="", creator="Sayembara", subject="",
    )
    story = [
        Paragraph(escape(f"{entry.edition.title} {entry.edition.year}"), styles["Normal"]),
        Paragraph(escape(context["title"]), styles["Title"]),
    ]
    rows = [[Paragraph(f"<b>{escape(str(label))}</b>", styles["Normal"]), Paragraph(escape(str(value)), styles["Normal"])]
            for label, value in context["profile"]]
    table = Table(rows, colWidths=[5.5 * cm, 11.5 * cm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 0.5 * cm)]
    for section_title, text in context["answers"]:
        story.append(Paragraph(escape(section_title), styles["Heading2"]))
        for paragraph in (text or "–").split("\n"):
            if paragraph.strip():
                story.append(Paragraph(escape(paragraph), styles["BodyText"]))
    if context["spbe"]:
        story.append(Paragraph(escape(_("E-government (SPBE)")), styles["Heading2"]))
        for question, answer in context["spbe"]:
            story.append(Paragraph(f"<b>{escape(question)}</b>", styles["BodyText"]))
            story.append(Paragraph(escape(answer or "–"), styles["BodyText"]))
    if context["evidence"]:
        story.append(Paragraph(escape(_("Evidence")), styles["Heading2"]))
        for evidence in context["evidence"]:
            story.append(Paragraph(escape(evidence.slot.name if blind else f"{evidence.slot.name}: {evidence.original_name}"),
                                   styles["BodyText"]))
    document.build(story)
    return buffer.getvalue()
