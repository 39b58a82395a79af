"""The default proposal form of an edition (KIPP 2022/2023 layout, see docs/domain) as data.

Organisers change these per edition in the admin; ``apply_defaults`` gives a new edition a full form.
"""

from __future__ import annotations

from decimal import Decimal

# code, title, word limit, guidance
DEFAULT_SECTIONS = [
    ("ringkasan", "Ringkasan", 200, "Gambarkan inovasi secara singkat: masalah, solusi dan hasilnya."),
    ("latar_belakang", "Latar Belakang dan Tujuan", 300,
     "Masalah awal, kelompok sasaran, tujuan dan target yang terukur, beserta data pendukung."),
    ("kebaruan", "Kebaruan / Nilai Tambah", 200, "Gagasan inovasi dan apa yang unik atau baru dibanding layanan sebelumnya."),
    ("implementasi", "Implementasi", 200, "Bagaimana inovasi menyelesaikan masalah, dengan data."),
    ("signifikansi", "Signifikansi", 600,
     "Dampak sebelum dan sesudah; cara mengukurnya; laporan evaluasi internal atau eksternal dengan data kuantitatif dan kualitatif."),
    ("adaptabilitas_sudah", "Adaptabilitas: sudah direplikasi?", 100,
     "Sudah atau belum direplikasi? Jika sudah, sebutkan unit atau instansi yang mereplikasi."),
    ("adaptabilitas_potensi", "Adaptabilitas: potensi replikasi", 200,
     "Jangkauan penduduk dan kesamaan masalah di tempat lain yang membuat inovasi ini dapat ditiru."),
    ("sumber_daya", "Sumber Daya", 200, "Sumber daya keuangan, manusia, metode, peralatan dan bahan."),
    ("keberlanjutan", "Strategi Keberlanjutan", 500,
     "Strategi kelembagaan (regulasi), manajerial (SDM, SOP, penjaminan mutu) dan sosial (peran pemangku kepentingan)."),
]

# code, name, required, guidance (and, for slots narrower than PDF, JPG or PNG, what they accept: ACCEPTS)
DEFAULT_EVIDENCE_SLOTS = [
    ("pernyataan_implementasi", "Surat Pernyataan Implementasi", True, "Ditandatangani pimpinan unit."),
    ("sk_tim", "SK Tim / Identitas Perorangan", True, "Surat keputusan pejabat berwenang yang menetapkan tim atau perorangan."),
    ("kesediaan_replikasi", "Surat Pernyataan Kesediaan Direplikasi", True, ""),
    ("regulasi", "Regulasi (Perbup, Perdes, SK)", False, "Dasar hukum yang menopang inovasi."),
    ("sop", "Standar Operasional Prosedur (SOP)", False, ""),
    ("laporan_evaluasi", "Laporan Evaluasi", False, "Evaluasi internal atau eksternal (Inspektorat, perguruan tinggi, dll.)."),
    ("data_sebelum_sesudah", "Data Sebelum dan Sesudah", False, ""),
    ("foto", "Foto Kegiatan", False, "JPG atau PNG."),
]
ACCEPTS = {"foto": "images"}

DEFAULT_SPBE_QUESTIONS = [
    "Apakah aplikasi sudah terdaftar dalam katalog aplikasi SPBE instansi?",
    "Di mana aplikasi di-hosting (pusat data pemerintah, cloud, server sendiri)?",
    "Apakah aplikasi terintegrasi dengan layanan atau data instansi lain? Sebutkan.",
    "Bagaimana keamanan data pribadi pengguna dijaga?",
]


def apply_defaults(edition) -> None:
    """Give ``edition`` the default sections, evidence slots and entry rules it does not have yet."""
    from sayembara.editions.models import ProposalSection

    from .models import EntrySettings, EvidenceSlot

    for order, (code, title, limit, guidance) in enumerate(DEFAULT_SECTIONS, start=1):
        ProposalSection.objects.get_or_create(
            edition=edition, code=code,
            defaults={"order": order, "title": title, "word_limit": limit, "guidance": guidance},
        )
    for order, (code, name, required, guidance) in enumerate(DEFAULT_EVIDENCE_SLOTS, start=1):
        EvidenceSlot.objects.get_or_create(
            edition=edition, code=code, defaults={"order": order, "name": name, "required": required, "guidance": guidance,
                                                  "accepts": ACCEPTS.get(code, EvidenceSlot.Accepts.DOCUMENTS)}
        )
    EntrySettings.objects.get_or_create(
        edition=edition,
        defaults={"min_years_in_operation": Decimal("1"), "spbe_questions": DEFAULT_SPBE_QUESTIONS},
    )
