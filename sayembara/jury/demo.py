"""A judging edition for the demo: year 2026, in judging, with open stages and unscored entries.

The Pemalang demo's 2018–2020 editions are closed. To try the jury's work a
newcomer needs an edition whose stages are open; ``prepare_judging_demo``
builds one from the 2020 structure (stages, criteria, rubric, the same three
jurors) and nine new innovations of units that entered in 2020. They are new,
with titles and texts of their own, as a year's entries are: a copy of 2020's
would let a blind juror look its makers up in the published 2020 results. Some
texts name their makers (the unit, a team member, a phone number), as real
proposals do, for the blind stage to mask. It is idempotent: a second call
changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from sayembara.editions.models import Category, Criterion, Edition, Phase, ProposalSection, RubricLevel, Stage
from sayembara.entries.models import Entry, Innovation, ProposalAnswer, TeamMember

from . import services
from .models import Conflict, Juror, StageJury

DEMO_YEAR = 2026
# New innovations of 2026 (fictional), one per entry, in the order of the 2020 entries they follow.
NEW_INNOVATIONS = [
    ("KTP SEHARI JADI: Perekaman dan Cetak KTP-el di Balai Desa", True),
    ("POSYANDU PINTAR: Catatan Tumbuh Kembang Balita di Ponsel Kader", True),
    ("SURAT KILAT: Layanan Surat Keterangan Desa Tanpa Antre", True),
    ("GERAK CEPAT LONGSOR: Peringatan Dini Bencana oleh Relawan Warga", False),
    ("PASAR SAMPAH: Tukar Sampah Pilah dengan Kebutuhan Pokok", False),
    ("AIR BERSIH KELILING: Layanan Pengaduan Kebocoran Pipa 24 Jam", True),
    ("KELAS DARING GURU: Pelatihan Guru Sekolah Dasar Berbasis Video", True),
    ("RESEP ONLINE: Antrean dan Resep Obat Puskesmas dari Rumah", True),
    ("PERPUS KELILING DESA: Mobil Baca untuk Dusun Terpencil", False),
]
SOURCE_YEAR = 2020
ENTRY_COUNT = 9


def _answer(section, title: str, unit, lead: str, number: int, names_makers: bool) -> str:
    """A proposal section's text. The first one names its makers, as many real proposals do."""
    name = title.split(": ", 1)[-1].rstrip(".")
    text = (f"{section.title}: {name}. Layanan ini dibuat agar warga tidak perlu datang berkali-kali ke kantor, "
            "dengan langkah yang sederhana dan biaya yang dapat ditanggung anggaran unit.")
    if names_makers:
        first = lead.split()[0] if lead else ""
        text += (f" Inovasi ini digagas oleh tim {unit.short_name or unit.name} ({unit.name})"
                 f"{f' bersama Bu {first}' if first else ''}. Kontak: 0812-2900-{number:04d}.")
    return text


def _jakarta(*args) -> dt.datetime:
    return timezone.make_aware(dt.datetime(*args), dt.timezone(dt.timedelta(hours=7)))


@transaction.atomic
def prepare_judging_demo() -> Edition | None:
    """Create the 2026 judging edition if absent; returns it (None when the 2020 demo is missing)."""
    existing = Edition.objects.filter(year=DEMO_YEAR).first()
    if existing is not None:
        return existing
    source = Edition.objects.filter(year=SOURCE_YEAR).first()
    if source is None:
        return None
    edition = Edition.objects.create(
        year=DEMO_YEAR, title="Kompetisi Inovasi Pelayanan Publik", host=source.host, theme=source.theme,
        description=source.description, decree_number=f"050/125/{DEMO_YEAR}", decree_date=dt.date(DEMO_YEAR, 6, 2),
        status=Edition.Status.JUDGING, venue=source.venue,
    )
    categories = _copy_categories(source, edition)
    sections = _copy_sections(source, edition)
    stages = _copy_stages(source, edition)
    today = timezone.localdate()
    Phase.objects.create(edition=edition, kind=Phase.Kind.JUDGING, name="Penilaian proposal", stage=stages[Stage.Kind.PROPOSAL],
                         starts_at=_jakarta(today.year, today.month, today.day, 0, 0),
                         ends_at=_jakarta(today.year, today.month, today.day, 0, 0) + dt.timedelta(days=14))
    accepted = timezone.now()
    jurors = _copy_jurors(source, edition, accepted)
    entries = _new_entries(source, edition, categories, sections, accepted)
    _record_conflicts(edition, jurors, entries)
    _assign_and_schedule(stages, today)
    return edition


def _copy_categories(source: Edition, edition: Edition) -> dict[int, Category]:
    """The source edition's categories copied to ``edition``, by the source category's id."""
    categories = {}
    for category in source.categories.all():
        categories[category.pk] = Category.objects.create(
            edition=edition, name=category.name, description=category.description,
            quota_per_institution=category.quota_per_institution, order=category.order,
        )
        categories[category.pk].institution_types.set(category.institution_types.all())
    return categories


def _copy_sections(source: Edition, edition: Edition) -> dict[int, ProposalSection]:
    """The source edition's proposal sections copied to ``edition``, by the source section's id."""
    sections = {}
    for section in source.proposal_sections.all():
        sections[section.pk] = ProposalSection.objects.create(
            edition=edition, order=section.order, code=section.code, title=section.title, guidance=section.guidance,
            word_limit=section.word_limit, required=section.required,
        )
    return sections


def _copy_stages(source: Edition, edition: Edition) -> dict[str, Stage]:
    """The source edition's stages, criteria and rubric copied to ``edition``, by stage kind."""
    # The blind proposal stage is open; the presentation is assigned and scheduled but opens only when the
    # proposal stage has closed (a juror must not read the same entries blind and with their makers' names).
    status = {Stage.Kind.PROPOSAL: Stage.Status.OPEN}
    stages = {}
    for stage in source.stages.prefetch_related("criteria__levels"):
        copy = Stage.objects.create(
            edition=edition, order=stage.order, kind=stage.kind, name=stage.name, weight=stage.weight,
            advancement=stage.advancement, advancement_value=stage.advancement_value, blind=stage.blind,
            status=status.get(stage.kind, Stage.Status.PLANNED),
        )
        stages[stage.kind] = copy
        for criterion in stage.criteria.all():
            new = Criterion.objects.create(
                stage=copy, order=criterion.order, code=criterion.code, name=criterion.name,
                description=criterion.description, weight=criterion.weight, min_score=criterion.min_score,
                max_score=criterion.max_score,
            )
            RubricLevel.objects.bulk_create(
                RubricLevel(criterion=new, min_score=level.min_score, max_score=level.max_score, label=level.label,
                            description=level.description)
                for level in criterion.levels.all()
            )
    return stages


def _copy_jurors(source: Edition, edition: Edition, accepted: dt.datetime) -> dict[str, Juror]:
    """The source edition's jurors on ``edition``'s jury, invitation and code of conduct accepted, by element."""
    jurors = {}
    for juror in source.jurors.select_related("user"):
        jurors[juror.element] = Juror.objects.create(
            edition=edition, user=juror.user, element=juror.element, affiliation=juror.affiliation,
            max_load=juror.max_load, code_of_conduct_accepted_at=accepted, invitation_accepted_at=accepted,
        )
    return jurors


def _new_entries(source: Edition, edition: Edition, categories: dict, sections: dict, accepted: dt.datetime) -> list[Entry]:
    """A new innovation and passed entry for each of the source edition's first passed entries, same unit and team."""
    source_entries = list(
        source.entries.filter(status=Entry.Status.PASSED).select_related("innovation").prefetch_related("team", "answers")
        .order_by("code")[:ENTRY_COUNT]
    )
    entries = []
    first_section = min((s.order for s in sections.values()), default=0)
    for number, old in enumerate(source_entries, start=1):
        title, digital = NEW_INNOVATIONS[(number - 1) % len(NEW_INNOVATIONS)]
        unit = old.institution
        innovation = Innovation.objects.create(
            title=title, institution=unit, summary=title.split(": ", 1)[-1], is_digital=digital,
            started_on=dt.date(DEMO_YEAR - 2, 1 + number % 12, 1),
        )
        entry = Entry.objects.create(
            edition=edition, innovation=innovation, institution=unit,
            category=categories.get(old.category_id), title=title, status=Entry.Status.PASSED,
            code=f"KIPP-{DEMO_YEAR}-{number:03d}", created_by=old.created_by, sent_at=accepted,
        )
        team = list(old.team.all())
        TeamMember.objects.bulk_create(
            TeamMember(entry=entry, user=m.user, name=m.name, role=m.role, is_lead=m.is_lead) for m in team
        )
        lead = next((m.name for m in team if m.is_lead), team[0].name if team else "")
        ProposalAnswer.objects.bulk_create(
            ProposalAnswer(entry=entry, section=section,
                           text=_answer(section, title, unit, lead, number, section.order == first_section))
            for section in sections.values()
        )
        entries.append(entry)
    return entries


def _record_conflicts(edition: Edition, jurors: dict[str, Juror], entries: list[Entry]) -> None:
    services.detect_conflicts(edition)
    # The NGO juror advised one village's innovation: a declared conflict shows in the register.
    village = next((e for e in entries if e.institution.parent_id), None)
    if village is not None and Juror.Element.NGO in jurors:
        services.record_conflict(jurors[Juror.Element.NGO], village, Conflict.Kind.ADVISER, Conflict.Source.DECLARED,
                                 "Pernah menjadi pendamping program inovasi ini.")


def _assign_and_schedule(stages: dict[str, Stage], today: dt.date) -> None:
    """A full panel for the proposal stage, three jurors per entry and a schedule for the presentation, locked."""
    proposal, presentation = stages[Stage.Kind.PROPOSAL], stages[Stage.Kind.PRESENTATION]
    services.run_assignment(proposal, StageJury.Mode.FULL_PANEL)
    services.lock_assignment(proposal)
    services.run_assignment(presentation, StageJury.Mode.AUTOMATIC, per_entry=3, seed=DEMO_YEAR)
    services.lock_assignment(presentation)
    tomorrow = today + dt.timedelta(days=1)
    services.build_schedule(presentation, ["Ruang Rapat Bupati", "Ruang Sasana Bhakti"],
                            _jakarta(tomorrow.year, tomorrow.month, tomorrow.day, 8, 0), 10, 20)
