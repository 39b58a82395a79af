"""Indonesian for the decision a regency can defend (issue 11): papers, conflicts after scoring, schedules."""

ID = {
    "not counted: a conflict of interest of this juror with the entry is recorded":
        "tidak dihitung: tercatat konflik kepentingan juri ini dengan proposal tersebut",
    "The stage is still open: jurors may still change their scores.": "Tahap ini masih dibuka: juri masih dapat mengubah nilainya.",
    "%(missing)s of %(total)s score sheets are not submitted.": "%(missing)s dari %(total)s lembar penilaian belum dikirim.",
    "Scores changed since the ranking was computed: compute it again.": "Nilai berubah sejak peringkat dihitung: hitung ulang peringkatnya.",
    "Not advanced: %(problems)s Close the stage and complete the sheets first, or record why the entries must advance now.":
        "Tidak dilanjutkan: %(problems)s Tutup tahap dan lengkapi lembar penilaian terlebih dahulu, atau catat alasan mengapa proposal harus dilanjutkan sekarang.",
    "Advanced to %(stage)s": "Dilanjutkan ke %(stage)s",
    "Advance to %(name)s?": "Lanjutkan ke %(name)s?",
    "The judgement of this stage is not complete": "Penilaian tahap ini belum lengkap",
    "Advancing now is refused unless you record why it must be so; the reason is kept in the audit trail.":
        "Melanjutkan sekarang ditolak kecuali Anda mencatat alasannya; alasan itu disimpan dalam jejak audit.",
    "%(n)s entry advances": "%(n)s proposal lanjut",
    "%(n)s entry stops here": "%(n)s proposal berhenti di sini",
    "Why the entries must advance now": "Alasan proposal harus dilanjutkan sekarang",
    "Yes, advance these entries": "Ya, lanjutkan proposal ini",
    "Cancel": "Batal",
    "Reason, if publishing before the deadline": "Alasan, bila diumumkan sebelum batas waktu",
    "Give the announcement its number (nomor surat) before publishing it.": "Isi nomor surat pengumuman sebelum mengumumkannya.",
    "Entries can still be sent until %(deadline)s: an announcement now would leave them out. Publish after the deadline, or record why it must be published now.":
        "Proposal masih dapat dikirim sampai %(deadline)s: pengumuman sekarang akan melewatkannya. Umumkan setelah batas waktu, atau catat alasan mengapa harus diumumkan sekarang.",
}
