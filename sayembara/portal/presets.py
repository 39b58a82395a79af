"""Presets an organiser starts an edition from: proposal forms, evidence lists and judging criteria as real contests
use them, each with the source it is taken from (shown in the app beside the preset).

A form preset sets one group's own sections and evidence slots; an evidence preset adds slots to a group; a criteria
preset sets the edition's stages with their criteria, weights and rubric levels. Applying one replaces what it sets,
so it is refused once entries were sent on that form or scoring has started (``edition_setup`` guards).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Category, Criterion, Edition, EntryGroup, ProposalSection, RubricLevel, Stage
from sayembara.entries.defaults import DEFAULT_SECTIONS, DEFAULT_SPBE_QUESTIONS
from sayembara.entries.models import EntrySettings, EvidenceSlot, ProposalAnswer
from sayembara.registry import iid

from .edition_setup import RuleChangeRefused, judging_started, sent_entries_of_group

D = Decimal


@dataclass(frozen=True)
class StageSpec:
    kind: str
    name: str
    weight: Decimal
    criteria: list[tuple[str, str, Decimal, str]]  # code, name, weight, description


@dataclass(frozen=True)
class Preset:
    key: str
    kind: str  # "form", "evidence" or "criteria"
    title: str
    source: str
    sections: list[tuple[str, str, int, str]] = field(default_factory=list)  # code, title, word limit, guidance
    evidence: list[tuple[str, str, bool, str]] = field(default_factory=list)  # code, name, required, guidance
    stages: list[StageSpec] = field(default_factory=list)


KIPP_LETTERS = [
    ("pernyataan_implementasi", "Surat Pernyataan Implementasi", True, "PDF, ditandatangani pimpinan unit (maks. 1 MB)."),
    ("sk_tim", "Surat Pernyataan Identitas Perorangan/Tim (SK)", True,
     "SK pejabat berwenang yang menetapkan perorangan atau tim inovator (PDF, maks. 1 MB)."),
    ("kesediaan_replikasi", "Surat Pernyataan Kesediaan Replikasi", True, "PDF, maks. 1 MB."),
]

SINOVIK_SOURCE = _("KemenPAN-RB's SINOVIK proposal form for the Kompetisi Inovasi Pelayanan Publik (KIPP), 2022/2023 "
                   "layout, as copied by provincial contests (KOIN-YANLIK NTT, after Jawa Timur's KOVABLIK/JIPP); the "
                   "three letters as asked in the KIPP 2022 call (PDF, 1 MB each).")
SINOVIK_2020_SOURCE = _("KemenPAN-RB's SINOVIK proposal form of 2020/2021, when KIPP had the Umum, Replikasi and Khusus "
                        "groups (the same provincial copy of the form).")

CRITERIA_LEVELS = [
    (D("81"), D("100"), "Sangat baik", "Bukti kuat dan lengkap; jelas unggul dibanding praktik biasa."),
    (D("61"), D("80"), "Baik", "Bukti cukup; beberapa aspek belum terukur."),
    (D("41"), D("60"), "Cukup", "Gagasan ada, tetapi bukti dan dampak masih terbatas."),
    (D("0"), D("40"), "Kurang", "Belum tampak bukti yang meyakinkan."),
]

SEED = [
    ("inovasi", "Inovasi", D("40"), "Kebaruan gagasan dan cara kerja dibanding layanan sebelumnya."),
    ("kemanfaatan", "Kemanfaatan", D("35"), "Manfaat nyata dan terukur bagi masyarakat penerima layanan."),
    ("replikasi", "Replikasi dan Keberlanjutan", D("25"), "Dapat ditiru unit lain dan terjaga keberlangsungannya."),
]
PENYAJIAN = ("penyajian", "Penyajian", D("30"), "Kejelasan paparan, penguasaan materi dan ketepatan waktu.")

PERMENPAN = [
    ("kebaruan", "Kebaruan", D("20"), "Cara, pendekatan, kebijakan atau desain penyampaian layanan yang baru."),
    ("efektif", "Efektif", D("20"), "Hasil nyata yang sesuai dengan tujuan layanan."),
    ("bermanfaat", "Bermanfaat", D("20"), "Berdampak pada mutu pelayanan publik."),
    ("mudah_direplikasi", "Mudah disebarkan / direplikasi", D("20"),
     "Mudah ditiru dan dikembangkan oleh penyelenggara layanan lain."),
    ("berkelanjutan", "Berkelanjutan", D("20"), "Tetap dijalankan dan dikembangkan, dengan dukungan program, anggaran, "
                                                "tugas dan fungsi organisasi serta regulasi."),
]


def _substance(criteria, share: Decimal) -> list[tuple[str, str, Decimal, str]]:
    """``criteria`` scaled to weigh ``share`` in all (the substance part of a presentation)."""
    total = sum(c[2] for c in criteria)
    return [(code, name, (weight * share / total).quantize(D("0.01")), text) for code, name, weight, text in criteria]


def _permenpan_presentation():
    substance = _substance(PERMENPAN, D("70"))
    return substance + [PENYAJIAN]


# IID's indicators 16-35 as evidence slots; required here are those IID itself makes mandatory.
IID_INDICATORS = [(i.code, i.name, i.mandatory, f"Indikator {i.number}, bobot {i.weight}. {i.guidance}".strip())
                  for i in iid.INDICATORS]

PRESETS = {p.key: p for p in [
    Preset("kipp_umum", "form", _("KIPP/SINOVIK — Umum group"), SINOVIK_SOURCE,
           sections=list(DEFAULT_SECTIONS), evidence=KIPP_LETTERS),
    Preset("kipp_replikasi", "form", _("KIPP/SINOVIK — Replikasi group"), SINOVIK_2020_SOURCE, sections=[
        ("inspirasi", "Inspirasi", 100, "Inovasi Top 99 mana yang ditiru, dan pernyataan replikasinya."),
        ("proses_replikasi", "Proses Replikasi", 200, "Bagaimana inovasi itu ditiru dan disesuaikan di sini."),
        ("faktor_pembeda", "Faktor Pembeda", 100, "Apa yang berbeda dari inovasi asalnya."),
    ], evidence=KIPP_LETTERS),
    Preset("kipp_khusus", "form", _("KIPP/SINOVIK — Khusus group (former winners)"), SINOVIK_2020_SOURCE, sections=[
        ("pembaruan", "Pembaruan / Peningkatan", 200, "Apa yang diperbarui atau ditingkatkan sejak menang."),
        ("adaptabilitas", "Adaptabilitas", 200, "Siapa yang sudah meniru, dan potensi replikasinya."),
        ("penguatan_keberlanjutan", "Penguatan Keberlanjutan", 300, "Regulasi, anggaran, SDM dan kelembagaan."),
        ("evaluasi", "Evaluasi", 300, "Evaluasi internal atau eksternal (Inspektorat, BPK, perguruan tinggi) dengan data."),
    ], evidence=KIPP_LETTERS),
    Preset("iid_indicators", "evidence", _("Indeks Inovasi Daerah indicators as evidence"),
           _("Kemendagri's Indeks Inovasi Daerah, indicators 16–35 of the Satuan Inovasi Daerah with their weights, "
             "from Lampiran I–II of Surat Kepala BSKDN 400.10.11/1887/BSKDN (29 April 2026), as transcribed publicly "
             "(check against the letter); required here are those IID itself makes mandatory."),
           evidence=IID_INDICATORS),
    Preset("seed_pemalang", "criteria", _("Pemalang: inovasi, kemanfaatan, replikasi/keberlanjutan"),
           _("Kabupaten Pemalang's Kompetisi Inovasi Pelayanan Publik 2020 (Bagian Organisasi): proposal, "
             "presentation and interview judged on innovation, benefit and replicability/sustainability; the "
             "presentation adds delivery (penyajian) at 30%, as KIPP scores presentations 70% substance, 30% delivery."),
           stages=[
               StageSpec(Stage.Kind.PROPOSAL, "Penilaian Proposal", D("30"), SEED),
               StageSpec(Stage.Kind.PRESENTATION, "Presentasi", D("30"), _substance(SEED, D("70")) + [PENYAJIAN]),
               StageSpec(Stage.Kind.INTERVIEW, "Wawancara", D("40"), SEED),
           ]),
    Preset("permenpan_91_2021", "criteria", _("PermenPAN-RB 91/2021 criteria"),
           _("Peraturan Menteri PAN-RB 91/2021 on Pembinaan Inovasi Pelayanan Publik, article 3: kebaruan, efektif, "
             "bermanfaat, mudah disebarkan/direplikasi, berkelanjutan; desk evaluation then presentation and "
             "interview at 70% substance, 30% delivery (KemenPAN-RB, as reported for KIPP)."),
           stages=[
               StageSpec(Stage.Kind.PROPOSAL, "Evaluasi Proposal (Desk Evaluation)", D("60"), PERMENPAN),
               StageSpec(Stage.Kind.PRESENTATION, "Presentasi dan Wawancara", D("40"), _permenpan_presentation()),
           ]),
]}


def of_kind(kind: str) -> list[Preset]:
    return [p for p in PRESETS.values() if p.kind == kind]


def _free_code(code: str, taken: set[str], group: EntryGroup) -> str:
    """Codes are unique in an edition (they head the import spreadsheet's columns): a second group's copy of a
    section gets the group's number in front."""
    if code not in taken:
        return code
    return f"g{group.pk}_{code}"[:40]


def apply_form(group: EntryGroup, key: str, by=None) -> None:
    """Give ``group`` the preset's own sections and evidence slots (a form preset replaces the group's form; an
    evidence preset adds the slots it lacks)."""
    preset = PRESETS[key]
    sent = sent_entries_of_group(group)
    if sent:
        raise RuleChangeRefused([_("%(n)s entries of group “%(group)s” were sent on its current form: it can no "
                                   "longer be replaced.") % {"n": sent, "group": group.name}])
    edition = group.edition
    drafts = ProposalAnswer.objects.filter(section__group=group).exclude(text="").values("entry").distinct().count()
    if preset.kind == "form" and drafts:
        raise RuleChangeRefused([_("%(n)s draft entries have text in the current form of group “%(group)s”: "
                                   "replacing it would delete that text.") % {"n": drafts, "group": group.name}])
    with transaction.atomic(), acting_as(by, note=f"preset {key}"):
        if preset.kind == "form":
            ProposalAnswer.objects.filter(section__group=group).delete()  # empty answers only (checked above)
            ProposalSection.objects.filter(group=group).delete()
            EvidenceSlot.objects.filter(group=group, files=None).delete()
            group.preset = key
            group.save(update_fields=["preset"])
        taken = set(ProposalSection.objects.filter(edition=edition).values_list("code", flat=True))
        for order, (code, title, limit, guidance) in enumerate(preset.sections, start=1):
            ProposalSection.objects.create(edition=edition, group=group, order=order,
                                           code=_free_code(code, taken, group), title=title, word_limit=limit,
                                           guidance=guidance)
        taken = set(EvidenceSlot.objects.filter(edition=edition).values_list("code", flat=True))
        mine = set(EvidenceSlot.objects.of_group(edition.pk, group.pk).values_list("name", flat=True))
        start = EvidenceSlot.objects.filter(edition=edition).count()
        for order, (code, name, required, guidance) in enumerate(preset.evidence, start=start + 1):
            if name in mine:
                continue
            EvidenceSlot.objects.create(edition=edition, group=group, order=order, code=_free_code(code, taken, group),
                                        name=name, required=required, guidance=guidance,
                                        accepts=EvidenceSlot.Accepts.PDF if code in dict(
                                            (c[0], 1) for c in KIPP_LETTERS) else EvidenceSlot.Accepts.DOCUMENTS)


def apply_criteria(edition: Edition, key: str, by=None) -> None:
    """Replace ``edition``'s stages with the preset's, with criteria, weights and rubric levels."""
    preset = PRESETS[key]
    if judging_started(edition):
        raise RuleChangeRefused([_("Judging has started in this edition: its stages and criteria can no longer be "
                                   "replaced.")])
    with transaction.atomic(), acting_as(by, note=f"preset {key}"):
        for phase in edition.phases.exclude(stage=None):  # one save each: the trail records the change
            phase.stage = None
            phase.save(update_fields=["stage"])
        edition.stages.all().delete()
        for order, spec in enumerate(preset.stages, start=1):
            stage = Stage.objects.create(edition=edition, order=order, kind=spec.kind, name=spec.name,
                                         weight=spec.weight, blind=spec.kind == Stage.Kind.PROPOSAL)
            for c_order, (code, name, weight, text) in enumerate(spec.criteria, start=1):
                criterion = Criterion.objects.create(stage=stage, order=c_order, code=code, name=name, weight=weight,
                                                     description=text)
                for low, high, label, words in CRITERIA_LEVELS:
                    RubricLevel.objects.create(criterion=criterion, min_score=low, max_score=high, label=label,
                                               description=words)


GROUP_NAMES = {"kipp_umum": "Umum", "kipp_replikasi": "Replikasi", "kipp_khusus": "Khusus"}


def new_edition(year: int, title: str, host: str, form_key: str, criteria_key: str, by=None) -> Edition:
    """A draft edition made from presets: one group with the form preset, one category open to every kind of unit,
    the criteria preset's stages, the default entry rules. Its schedule is left for the organiser to set (the
    readiness checks say so)."""
    from .copying import CopyRefused, check_year

    check_year(year)
    try:
        with transaction.atomic(), acting_as(by, note=f"made from presets {form_key}, {criteria_key}"):
            edition = Edition.objects.create(year=year, title=title, host=host, status=Edition.Status.DRAFT)
            group = EntryGroup.objects.create(edition=edition, name=GROUP_NAMES.get(form_key, "Umum"), order=1)
            Category.objects.create(edition=edition, name=group.name, order=1, group=group)
            apply_form(group, form_key, by=by)
            apply_criteria(edition, criteria_key, by=by)
            EntrySettings.objects.create(edition=edition, min_years_in_operation=D("1"),
                                         spbe_questions=DEFAULT_SPBE_QUESTIONS)
    except IntegrityError as exc:  # the same year made by a simultaneous request
        raise CopyRefused(_("An edition of %(year)s exists already.") % {"year": year}) from exc
    return edition
