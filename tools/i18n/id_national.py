"""Indonesian for issue 16 (national scale): the organiser's paged lists, filters and summaries."""

ID = {
    "Entry number, institution or juror": "Nomor entri, instansi atau juri",
    "Search": "Cari",
    "And %(n)s more entry: list them with the filter “Incomplete panel” below.":
        "Dan %(n)s entri lagi: tampilkan dengan saringan “Panel belum lengkap” di bawah.",
    "with a complete panel": "dengan panel lengkap",
    "with an incomplete panel": "dengan panel belum lengkap",
    "Show": "Tampilkan",
    "Incomplete panel": "Panel belum lengkap",
    "Filter": "Saring",
    "%(n)s entry matches.": "%(n)s entri cocok.",
    "No entry matches.": "Tidak ada entri yang cocok.",
    "Only entries with sheets still missing": "Hanya entri yang lembar nilainya masih kurang",
    "Sheets of %(name)s": "Lembar nilai %(name)s",
    "Sheets of %(code)s": "Lembar nilai %(code)s",
    "%(n)s conflict of interest.": "%(n)s konflik kepentingan.",
    "entries": "entri",
    "without jurors": "tanpa juri",
    "Entry number or title": "Nomor atau judul entri",
    "All entries": "Semua entri",
    "Without jurors": "Tanpa juri",
    "With a conflict of interest": "Ada konflik kepentingan",
    "%(n)s juror is behind.": "%(n)s juri tertinggal.",
    "Show every juror": "Tampilkan semua juri",
    "Only jurors who are behind": "Hanya juri yang tertinggal",
    "Latest submitted sheets": "Lembar nilai terakhir dikirim",
    "State": "Keadaan",
    "No sheet yet.": "Belum ada lembar nilai.",
}

# The audit trail: one event per score-sheet save.
ID.update({
    "%(criterion)s given %(after)s": "%(criterion)s diisi %(after)s",
    "%(criterion)s removed (was %(before)s)": "%(criterion)s dihapus (sebelumnya %(before)s)",
    "%(criterion)s changed from %(before)s to %(after)s": "%(criterion)s diubah dari %(before)s menjadi %(after)s",
    "justification for %(criterion)s written": "alasan untuk %(criterion)s ditulis",
    "Scores on the sheet of %(name)s: %(changes)s": "Nilai pada lembar %(name)s: %(changes)s",
})

# Preparing a stage's entries for the jurors on the worker.
ID.update({
    "Preparing the entries for the jurors": "Menyiapkan entri untuk para juri",
    "%(done)s of %(total)s entries ready": "%(done)s dari %(total)s entri siap",
    "%(count)s entries prepared for the jurors.": "%(count)s entri disiapkan untuk para juri.",
})

# Recaps printed by the worker.
ID.update({
    "Printing a recap": "Mencetak rekapitulasi",
    "Laying out every ranked entry": "Menyusun semua entri yang diperingkat",
    "The paper is printed: download it below.": "Dokumen sudah dicetak: unduh di bawah.",
})

# Several editions at once (issue 17, item 4).
ID.update({
    "About the %(year)s edition": "Tentang edisi %(year)s",
    "Other editions:": "Edisi lain:",
})

# The checklist states the real form (issue 17, item 3).
ID.update({
    "This edition's proposal form has no required sections yet: the organising committee must set up the form before proposals can be sent.":
        "Formulir proposal edisi ini belum memiliki bagian wajib: panitia harus menyiapkan formulir sebelum "
        "proposal dapat dikirim.",
    "This edition asks for no evidence yet: the organising committee has not set up its evidence list.":
        "Edisi ini belum meminta bukti dukung: panitia belum menyiapkan daftar bukti dukungnya.",
})

# A new edition copied from an earlier one (issue 17, item 1).
ID.update({
    "Give the year of the new edition, for example %(year)s.": "Isikan tahun edisi baru, misalnya %(year)s.",
    "An edition of %(year)s exists already.": "Edisi tahun %(year)s sudah ada.",
    "Copy the rules of": "Salin aturan dari",
    "Year of the new edition": "Tahun edisi baru",
    "New edition from these rules": "Buat edisi baru dengan aturan ini",
    "Copies categories, stages with criteria and rubrics, the schedule moved to the new year, the proposal form, the evidence list and the papers' settings; not entries, jurors or results. The copy is a draft.":
        "Menyalin kategori, tahap beserta kriteria dan rubrik, jadwal yang digeser ke tahun baru, formulir proposal, daftar "
        "bukti dukung dan pengaturan dokumen; tidak menyalin entri, juri atau hasil. Salinannya berstatus draf.",
    "The %(year)s edition is made as a draft with the rules of %(source)s: check its schedule before opening it.":
        "Edisi %(year)s dibuat sebagai draf dengan aturan edisi %(source)s: periksa jadwalnya sebelum dibuka.",
})

# Checks before an edition opens for entries (issue 17, item 3).
ID.update({
    "The edition has no judging stage.": "Edisi ini belum memiliki tahap penilaian.",
    "The stages' weights add up to %(total)s, not 100.": "Bobot seluruh tahap berjumlah %(total)s, bukan 100.",
    "Stage “%(stage)s” has no criteria.": "Tahap “%(stage)s” belum memiliki kriteria.",
    "The criteria of stage “%(stage)s” weigh %(total)s in all, not 100.":
        "Bobot kriteria tahap “%(stage)s” berjumlah %(total)s, bukan 100.",
    "Criterion “%(criterion)s” of stage “%(stage)s” has no rubric levels for the jurors.":
        "Kriteria “%(criterion)s” pada tahap “%(stage)s” belum memiliki tingkatan rubrik untuk juri.",
    "The proposal form has no required section.": "Formulir proposal belum memiliki bagian wajib.",
    "The edition has no category to enter.": "Edisi ini belum memiliki kategori yang dapat diikuti.",
    "The schedule has no proposal submission period.": "Jadwal belum memuat masa pengiriman proposal.",
    "The proposal submission period is over already (%(end)s).": "Masa pengiriman proposal sudah berakhir (%(end)s).",
    "“%(later)s” starts before “%(earlier)s”.": "“%(later)s” dimulai sebelum “%(earlier)s”.",
    "Only a draft edition can be opened for entries.": "Hanya edisi berstatus draf yang dapat dibuka untuk pendaftaran.",
    "Before opening for entries": "Sebelum dibuka untuk pendaftaran",
    "Fix these first (in the back office for now):": "Perbaiki dulu hal berikut (untuk sementara melalui back office):",
    "Every check passes.": "Semua pemeriksaan lolos.",
    "Open for entries": "Buka pendaftaran",
    "The %(year)s edition is open for entries.": "Edisi %(year)s dibuka untuk pendaftaran.",
})
