"""Kemendagri's Indeks Inovasi Daerah (IID): the indicators an innovation is judged on there, and whether an
innovation of ours has what IID asks (its profile, and evidence per indicator).

Guideline followed: the IID 2026 indicators of the Satuan Inovasi Daerah (16-35) with their weights and the five
mandatory ones, from Lampiran I-II of Surat Kepala BSKDN 400.10.11/1887/BSKDN (29 April 2026) as transcribed
publicly (to be checked against the letter), and the profile fields of the per-innovation form (PP 38/2017; IGA
2023 general assessment guideline): tahapan, inisiator, jenis, bentuk, urusan, uji coba and penerapan dates, a
rancang bangun of at least 300 words, tujuan, manfaat, hasil.

Evidence counts from the IID page's own uploads and from the innovation's contest entries: an entry's evidence
slot coded like an indicator (the IID preset's ``iid_*`` slots, or the KIPP slots named in ``FROM_ENTRY_SLOTS``),
and the entry's video link for the video indicator.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

GUIDELINE = "IID 2026 (Surat Kepala BSKDN 400.10.11/1887/BSKDN, 29-04-2026)"
DESIGN_MIN_WORDS = 300


@dataclass(frozen=True)
class Indicator:
    number: int
    code: str
    name: str
    weight: int
    mandatory: bool
    guidance: str


INDICATORS = [
    Indicator(16, "iid_regulasi", "Regulasi inovasi (SK Kepala Daerah / Perkada / Perda)", 3, True, ""),
    Indicator(17, "iid_sdm", "Ketersediaan SDM pengelola inovasi", 2, True, "SK atau daftar pengelola."),
    Indicator(18, "iid_anggaran", "Dukungan anggaran (DPA/RKA)", 2, False, "DPA atau RKA tahun berjalan dan sebelumnya."),
    Indicator(19, "iid_alat_kerja", "Alat kerja (manual / elektronik / daring)", 2, False, ""),
    Indicator(20, "iid_bimtek", "Bimbingan teknis", 1, False, "Undangan, daftar hadir, foto."),
    Indicator(21, "iid_rkpd", "Program dalam RKPD", 2, False, "Halaman RKPD yang memuat inovasi."),
    Indicator(22, "iid_aktor", "Keterlibatan aktor inovasi", 1, False, ""),
    Indicator(23, "iid_pelaksana", "Pelaksana inovasi (SK)", 1, False, ""),
    Indicator(24, "iid_jejaring", "Jejaring inovasi dengan perangkat daerah lain", 1, False, ""),
    Indicator(25, "iid_sosialisasi", "Sosialisasi inovasi", 1, False, "Tautan atau tangkapan layar media."),
    Indicator(26, "iid_pedoman", "Pedoman teknis / SOP", 1, False, ""),
    Indicator(27, "iid_informasi", "Kemudahan informasi layanan", 1, False, ""),
    Indicator(28, "iid_proses", "Kemudahan proses (lama layanan)", 2, False, ""),
    Indicator(29, "iid_pengaduan", "Penyelesaian pengaduan", 1, False, "Rekap pengaduan dan tindak lanjut."),
    Indicator(30, "iid_terintegrasi", "Layanan terintegrasi", 2, False, ""),
    Indicator(31, "iid_replikasi", "Replikasi", 3, False, "Surat atau berita replikasi oleh daerah lain."),
    Indicator(32, "iid_kecepatan", "Kecepatan penciptaan inovasi", 2, True, "Dokumen tahap inisiatif sampai uji coba."),
    Indicator(33, "iid_kemanfaatan", "Kemanfaatan inovasi (jumlah penerima manfaat)", 3, True, ""),
    Indicator(34, "iid_monev", "Monitoring dan evaluasi (internal / SKM / riset eksternal)", 2, False, ""),
    Indicator(35, "iid_video", "Video inovasi", 4, True, "Tautan video dengan 5 unsur substansi."),
]
BY_CODE = {i.code: i for i in INDICATORS}

# Contest evidence slots (KIPP form, entries.defaults) that show an IID indicator.
FROM_ENTRY_SLOTS = {
    "regulasi": "iid_regulasi", "sop": "iid_pedoman", "laporan_evaluasi": "iid_monev", "sk_tim": "iid_pelaksana",
    "data_sebelum_sesudah": "iid_kemanfaatan",
}
_GROUP_PREFIX = re.compile(r"^g\d+_")


def indicator_of_slot(code: str) -> str | None:
    code = _GROUP_PREFIX.sub("", code)
    return code if code in BY_CODE else FROM_ENTRY_SLOTS.get(code)


@dataclass
class Readiness:
    innovation_id: int
    profile_problems: list[str]
    evidence: dict[str, list[str]] = field(default_factory=dict)  # indicator code -> where its evidence is

    @property
    def missing_mandatory(self) -> list[Indicator]:
        return [i for i in INDICATORS if i.mandatory and not self.evidence.get(i.code)]

    @property
    def covered(self) -> int:
        return sum(1 for i in INDICATORS if self.evidence.get(i.code))

    @property
    def ready(self) -> bool:
        return not self.profile_problems and not self.missing_mandatory

    def rows(self):
        return [(i, self.evidence.get(i.code, [])) for i in INDICATORS]


def profile_problems(innovation, profile) -> list[str]:
    found = []
    if profile is None:
        return [_("The IID profile is not filled in yet.")]
    if not profile.initiator:
        found.append(_("The initiator is missing."))
    if not profile.affair:
        found.append(_("The government affair (urusan) is missing."))
    if innovation.maturity in ("uji_coba", "penerapan") and not profile.trial_on:
        found.append(_("The date the trial started is missing."))
    if innovation.maturity == "penerapan" and not profile.implemented_on:
        found.append(_("The date implementation started is missing."))
    words = len(profile.design.split())
    if words < DESIGN_MIN_WORDS:
        found.append(_("The rancang bangun has %(words)s words; IID asks for at least %(min)s.")
                     % {"words": words, "min": DESIGN_MIN_WORDS})
    for label, value in ((_("purpose"), profile.purpose), (_("benefit"), profile.benefit), (_("result"), profile.result)):
        if not value.strip():
            found.append(_("The %(field)s is missing.") % {"field": label})
    return found


def readiness_of(innovations) -> dict[int, Readiness]:
    """Readiness of each innovation in ``innovations`` (a list), in four queries whatever their number."""
    from sayembara.entries.models import Entry, Evidence

    from .models import IidEvidence, IidProfile

    ids = [i.pk for i in innovations]
    profiles = {p.innovation_id: p for p in IidProfile.objects.filter(innovation_id__in=ids)}
    found: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for innovation_id, indicator, name in IidEvidence.objects.filter(innovation_id__in=ids).values_list(
            "innovation_id", "indicator", "original_name"):
        found[innovation_id][indicator].append(name)
    for innovation_id, slot_code, name, code in Evidence.objects.filter(entry__innovation_id__in=ids).values_list(
            "entry__innovation_id", "slot__code", "original_name", "entry__code"):
        indicator = indicator_of_slot(slot_code)
        if indicator:
            found[innovation_id][indicator].append(f"{name} ({code})")
    for innovation_id, url in Entry.objects.filter(innovation_id__in=ids).exclude(video_url="").values_list(
            "innovation_id", "video_url"):
        found[innovation_id]["iid_video"].append(url)
    return {i.pk: Readiness(i.pk, profile_problems(i, profiles.get(i.pk)), dict(found[i.pk])) for i in innovations}
