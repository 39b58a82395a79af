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

# Issue 17: groups, presets and the guided editor of an edition's rules.
ID.update({
    "preset": "preset",
    "The preset the form was last set from, shown with its source.": "Preset terakhir yang dipakai formulir ini, ditampilkan beserta sumbernya.",
    "group": "kelompok",
    "groups": "kelompok",
    "Whose proposal form its entries fill.": "Formulir proposal kelompok mana yang diisi entri kategori ini.",
    "Empty: asked of every group.": "Kosong: diminta dari semua kelompok.",
    "Section “%(section)s” has answers in entries already sent: it can no longer be removed or moved to another group.":
        "Bagian “%(section)s” sudah diisi pada entri yang telah dikirim: bagian ini tidak dapat lagi dihapus atau dipindahkan ke kelompok lain.",
    "Section “%(section)s”: an entry already sent has %(words)s words there; the limit cannot go below that.":
        "Bagian “%(section)s”: sebuah entri yang telah dikirim berisi %(words)s kata di sana; batas kata tidak dapat lebih rendah dari itu.",
    "Section “%(section)s” cannot become required: entries were sent without being asked for it.":
        "Bagian “%(section)s” tidak dapat dijadikan wajib: ada entri yang dikirim tanpa diminta mengisinya.",
    "Evidence “%(slot)s” already holds files: it can no longer be removed or moved.":
        "Bukti “%(slot)s” sudah berisi berkas: tidak dapat lagi dihapus atau dipindahkan.",
    "Evidence “%(slot)s” cannot become required: entries were sent without it.":
        "Bukti “%(slot)s” tidak dapat dijadikan wajib: ada entri yang dikirim tanpa bukti ini.",
    "Category “%(category)s” has entries: it cannot be removed.": "Kategori “%(category)s” sudah memiliki entri: tidak dapat dihapus.",
    "Category “%(category)s” has entries sent on its group's form: its group cannot change.":
        "Kategori “%(category)s” memiliki entri yang dikirim dengan formulir kelompoknya: kelompoknya tidak dapat diubah.",
    "Group “%(group)s” is used by a category: give the category another group first.":
        "Kelompok “%(group)s” dipakai sebuah kategori: pindahkan dulu kategori itu ke kelompok lain.",
    "Judging has started: no stage can be added.": "Penilaian sudah dimulai: tidak ada tahap yang dapat ditambahkan.",
    "Stage “%(stage)s” has score sheets: its kind, weight, advancement and blindness can no longer change, nor can it be removed.":
        "Tahap “%(stage)s” sudah memiliki lembar nilai: jenis, bobot, aturan lolos dan penilaian tanpa nama tidak dapat diubah lagi, dan tahap tidak dapat dihapus.",
    "Judging has started: the stages' weights in the final score can no longer change.":
        "Penilaian sudah dimulai: bobot tahap dalam nilai akhir tidak dapat diubah lagi.",
    "Stage has score sheets: criterion “%(criterion)s” cannot be added.":
        "Tahap ini sudah memiliki lembar nilai: kriteria “%(criterion)s” tidak dapat ditambahkan.",
    "Criterion “%(criterion)s” has been scored: its weight and range can no longer change, nor can it be removed.":
        "Kriteria “%(criterion)s” sudah dinilai: bobot dan rentang nilainya tidak dapat diubah lagi, dan kriteria tidak dapat dihapus.",
    "Jurors have scored criterion “%(criterion)s” against its rubric: its levels can no longer change.":
        "Juri sudah menilai kriteria “%(criterion)s” dengan rubriknya: tingkatannya tidak dapat diubah lagi.",
    "Two rows have the same %(field)s “%(value)s”: each must be different.":
        "Dua baris memiliki %(field)s yang sama, “%(value)s”: masing-masing harus berbeda.",
    "It ends before it starts.": "Waktu selesai lebih awal daripada waktu mulai.",
    "The highest score must be above the lowest.": "Nilai tertinggi harus lebih besar daripada nilai terendah.",
    "The level ends below where it starts.": "Batas atas tingkatan lebih rendah daripada batas bawahnya.",
    "Preset": "Preset",
    "Host": "Penyelenggara",
    "Proposal form": "Formulir proposal",
    "KemenPAN-RB's SINOVIK proposal form for the Kompetisi Inovasi Pelayanan Publik (KIPP), 2022/2023 layout, as copied by provincial contests (KOIN-YANLIK NTT, after Jawa Timur's KOVABLIK/JIPP); the three letters as asked in the KIPP 2022 call (PDF, 1 MB each).":
        "Formulir proposal SINOVIK KemenPAN-RB untuk Kompetisi Inovasi Pelayanan Publik (KIPP), susunan 2022/2023, sebagaimana disalin kompetisi provinsi (KOIN-YANLIK NTT, mengikuti KOVABLIK/JIPP Jawa Timur); tiga surat sesuai pengumuman KIPP 2022 (PDF, masing-masing 1 MB).",
    "KemenPAN-RB's SINOVIK proposal form of 2020/2021, when KIPP had the Umum, Replikasi and Khusus groups (the same provincial copy of the form).":
        "Formulir proposal SINOVIK KemenPAN-RB 2020/2021, ketika KIPP memiliki kelompok Umum, Replikasi dan Khusus (salinan provinsi yang sama).",
    "KIPP/SINOVIK — Umum group": "KIPP/SINOVIK — Kelompok Umum",
    "KIPP/SINOVIK — Replikasi group": "KIPP/SINOVIK — Kelompok Replikasi",
    "KIPP/SINOVIK — Khusus group (former winners)": "KIPP/SINOVIK — Kelompok Khusus (mantan pemenang)",
    "Indeks Inovasi Daerah indicators as evidence": "Indikator Indeks Inovasi Daerah sebagai bukti dukung",
    "Kemendagri's Indeks Inovasi Daerah, indicators 16–35 of the Satuan Inovasi Daerah with their weights, from Lampiran I–II of Surat Kepala BSKDN 400.10.11/1887/BSKDN (29 April 2026), as transcribed publicly (check against the letter); required here are those IID itself makes mandatory.":
        "Indeks Inovasi Daerah Kemendagri, indikator 16–35 Satuan Inovasi Daerah beserta bobotnya, dari Lampiran I–II Surat Kepala BSKDN 400.10.11/1887/BSKDN (29 April 2026), menurut transkripsi publik (cocokkan dengan suratnya); yang diwajibkan di sini adalah indikator yang diwajibkan IID.",
    "Pemalang: inovasi, kemanfaatan, replikasi/keberlanjutan": "Pemalang: inovasi, kemanfaatan, replikasi/keberlanjutan",
    "Kabupaten Pemalang's Kompetisi Inovasi Pelayanan Publik 2020 (Bagian Organisasi): proposal, presentation and interview judged on innovation, benefit and replicability/sustainability; the presentation adds delivery (penyajian) at 30%, as KIPP scores presentations 70% substance, 30% delivery.":
        "Kompetisi Inovasi Pelayanan Publik Kabupaten Pemalang 2020 (Bagian Organisasi): proposal, presentasi dan wawancara dinilai pada unsur inovasi, kemanfaatan serta replikasi/keberlanjutan; presentasi menambahkan penyajian 30%, seperti KIPP menilai presentasi 70% substansi, 30% penyajian.",
    "PermenPAN-RB 91/2021 criteria": "Kriteria PermenPAN-RB 91/2021",
    "Peraturan Menteri PAN-RB 91/2021 on Pembinaan Inovasi Pelayanan Publik, article 3: kebaruan, efektif, bermanfaat, mudah disebarkan/direplikasi, berkelanjutan; desk evaluation then presentation and interview at 70% substance, 30% delivery (KemenPAN-RB, as reported for KIPP).":
        "Peraturan Menteri PAN-RB 91/2021 tentang Pembinaan Inovasi Pelayanan Publik, Pasal 3: kebaruan, efektif, bermanfaat, mudah disebarkan/direplikasi, berkelanjutan; evaluasi proposal lalu presentasi dan wawancara dengan 70% substansi, 30% penyajian (KemenPAN-RB, sebagaimana diberitakan untuk KIPP).",
    "%(n)s entries of group “%(group)s” were sent on its current form: it can no longer be replaced.":
        "%(n)s entri kelompok “%(group)s” sudah dikirim dengan formulir saat ini: formulir tidak dapat diganti lagi.",
    "Judging has started in this edition: its stages and criteria can no longer be replaced.":
        "Penilaian sudah dimulai pada edisi ini: tahap dan kriterianya tidak dapat diganti lagi.",
    "A rubric level of criterion “%(criterion)s” of stage “%(stage)s” lies outside its range %(low)s–%(high)s.":
        "Sebuah tingkatan rubrik kriteria “%(criterion)s” pada tahap “%(stage)s” berada di luar rentang %(low)s–%(high)s.",
    "Stage “%(stage)s” advances by “%(rule)s” but says no number.":
        "Tahap “%(stage)s” memakai aturan lolos “%(rule)s” tetapi belum menyebut angkanya.",
    "The proposal form of group “%(group)s” has no required section.": "Formulir proposal kelompok “%(group)s” belum memiliki bagian wajib.",
    "No category uses group “%(group)s”: its form would never be filled in.":
        "Tidak ada kategori yang memakai kelompok “%(group)s”: formulirnya tidak akan pernah diisi.",
    "“%(phase)s” is over already (%(end)s): move it to this edition's year.":
        "“%(phase)s” sudah berakhir (%(end)s): pindahkan ke tahun edisi ini.",
    "Some rows need correcting: see the messages beside them. Nothing was saved.":
        "Beberapa baris perlu diperbaiki: lihat pesan di sampingnya. Belum ada yang disimpan.",
    "Two rows would share the same number or code. Nothing was saved: change one at a time.":
        "Dua baris akan memiliki nomor atau kode yang sama. Belum ada yang disimpan: ubah satu per satu.",
    "Saved.": "Tersimpan.",
    "Some fields need correcting. Nothing was saved.": "Beberapa isian perlu diperbaiki. Belum ada yang disimpan.",
    "The steps in their order: registration, submission, screening, judging, public test, winners. A judging step may name its stage.":
        "Langkah-langkah menurut urutannya: pendaftaran, pengiriman, seleksi administrasi, penilaian, uji publik, pemenang. Langkah penilaian dapat menyebut tahapnya.",
    "Groups and categories": "Kelompok dan kategori",
    "A group has its own proposal form (SINOVIK's Umum, Replikasi, Khusus); a category is what entries are ranked in, and names the group whose form its entries fill. Save the groups first, then give each category its group.":
        "Kelompok memiliki formulir proposal sendiri (Umum, Replikasi, Khusus seperti SINOVIK); kategori adalah tempat entri diperingkat, dan menyebut kelompok yang formulirnya diisi entrinya. Simpan kelompok lebih dulu, lalu beri setiap kategori kelompoknya.",
    "Form of group “%(group)s”": "Formulir kelompok “%(group)s”",
    "Sections asked of every group": "Bagian yang diminta dari semua kelompok",
    "Sections with a word limit, then the evidence files. What you set here is asked of the entries of every category in this group.":
        "Bagian beserta batas katanya, lalu berkas bukti dukung. Yang diatur di sini diminta dari entri setiap kategori dalam kelompok ini.",
    "Sections and evidence here are asked of every entry, whatever its group.":
        "Bagian dan bukti dukung di sini diminta dari setiap entri, apa pun kelompoknya.",
    "Stages": "Tahap",
    "The stages' weights in the final score add up to 100. Open a stage to set its criteria.":
        "Bobot tahap dalam nilai akhir berjumlah 100. Buka sebuah tahap untuk mengatur kriterianya.",
    "The criteria's weights add up to 100; each has the range jurors score in and rubric levels.":
        "Bobot kriteria berjumlah 100; masing-masing memiliki rentang nilai juri dan tingkatan rubrik.",
    "Bands of the range %(low)s–%(high)s, each with what a juror should see to give it.":
        "Pita dalam rentang %(low)s–%(high)s, masing-masing dengan apa yang harus dilihat juri untuk memberikannya.",
    "Choose a preset.": "Pilih sebuah preset.",
    "“%(preset)s” applied. Source: %(source)s": "“%(preset)s” diterapkan. Sumber: %(source)s",
    "The %(year)s edition is made as a draft from the presets: set its schedule before opening it.":
        "Edisi %(year)s dibuat sebagai draf dari preset: atur jadwalnya sebelum dibuka.",
    "Fix these first:": "Perbaiki dulu hal berikut:",
    "Set up the edition": "Atur edisi",
    "Rules, forms and criteria": "Aturan, formulir dan kriteria",
    "Copies groups, categories, stages with criteria and rubrics, the schedule moved to the new year, the proposal forms, the evidence lists and the papers' settings; not entries, jurors or results. The copy is a draft.":
        "Menyalin kelompok, kategori, tahap beserta kriteria dan rubrik, jadwal yang digeser ke tahun baru, formulir proposal, daftar bukti dukung dan pengaturan dokumen; bukan entri, juri atau hasil. Salinannya berstatus draf.",
    "New edition from presets": "Edisi baru dari preset",
    "Or start from presets: the SINOVIK/KIPP forms, the PermenPAN-RB 91/2021 criteria or Pemalang's; each says its source in the editor.":
        "Atau mulai dari preset: formulir SINOVIK/KIPP, kriteria PermenPAN-RB 91/2021 atau kriteria Pemalang; sumber masing-masing disebutkan di penyunting.",
    "Setting up the edition": "Pengaturan edisi",
    "Overview": "Ringkasan",
    "Form": "Formulir",
    "Papers and prizes": "Dokumen dan hadiah",
    "New row": "Baris baru",
    "Remove": "Hapus",
    "Save": "Simpan",
    "Checks before opening": "Pemeriksaan sebelum dibuka",
    "This edition is under way: every change to its rules is recorded in the audit trail, and changes that would alter sent entries or submitted score sheets are refused.":
        "Edisi ini sedang berjalan: setiap perubahan aturannya dicatat dalam jejak audit, dan perubahan yang akan mengubah entri terkirim atau lembar nilai yang sudah diserahkan ditolak.",
    "Forms": "Formulir",
    "Asked of every group": "Diminta dari semua kelompok",
    "No stage yet.": "Belum ada tahap.",
    "Edit the stages or start from a preset": "Ubah tahap atau mulai dari preset",
    "The edition": "Edisi",
    "%(n)s check stops the edition from opening": "%(n)s pemeriksaan menahan edisi ini untuk dibuka",
    "Forms:": "Formulir:",
    "asked of every group": "diminta dari semua kelompok",
    "add a group": "tambah kelompok",
    "This form was set from the preset “%(title)s”.": "Formulir ini diatur dari preset “%(title)s”.",
    "Source:": "Sumber:",
    "Start from a preset": "Mulai dari preset",
    "Apply": "Terapkan",
    "A criteria preset replaces every stage with its criteria and rubric levels; it is refused once judging has started.":
        "Preset kriteria mengganti semua tahap beserta kriteria dan tingkatan rubriknya; ditolak bila penilaian sudah dimulai.",
    "A form preset replaces this group's own sections and evidence; an evidence preset adds its slots. Refused once entries were sent on this form.":
        "Preset formulir mengganti bagian dan bukti dukung milik kelompok ini; preset bukti dukung menambahkan isiannya. Ditolak bila sudah ada entri yang dikirim dengan formulir ini.",
    "Where each preset comes from": "Sumber setiap preset",
    "Steps of the schedule": "Langkah-langkah jadwal",
    "Groups": "Kelompok",
    "Categories": "Kategori",
    "Proposal sections": "Bagian proposal",
    "Evidence files": "Berkas bukti dukung",
    "Criteria": "Kriteria",
    "Rubric levels": "Tingkatan rubrik",
    "Criteria of each stage": "Kriteria setiap tahap",
    "%(n)s criterion": "%(n)s kriteria",
    "Rubric levels of each criterion": "Tingkatan rubrik setiap kriteria",
    "%(n)s level": "%(n)s tingkatan",
    "Back to the stage's criteria": "Kembali ke kriteria tahap",
})
ID.update({
    "Entries were sent with answers in the shared sections: they can no longer move into one group.":
        "Sudah ada entri terkirim yang mengisi bagian bersama: bagian itu tidak dapat lagi dipindahkan ke satu kelompok.",
    "%(n)s sections now belong to group “%(group)s” only.": "%(n)s bagian kini hanya milik kelompok “%(group)s”.",
    "%(n)s section is asked of every group. If this group's form should be the edition's form so far (the others get their own), take it here.":
        "%(n)s bagian diminta dari semua kelompok. Jika formulir kelompok ini adalah formulir edisi selama ini (kelompok lain mendapat formulir sendiri), ambil di sini.",
    "Make them this group's own": "Jadikan milik kelompok ini",
})

# Issue 18: SINOVIK export, IID profile and readiness, national outcomes.
ID.update({
    "Section “%(section)s” is empty.": "Bagian “%(section)s” masih kosong.",
    "Section “%(section)s” has %(words)s words; SINOVIK takes at most %(limit)s.":
        "Bagian “%(section)s” berisi %(words)s kata; SINOVIK menerima paling banyak %(limit)s.",
    "The date the innovation started is missing: SINOVIK asks for it.": "Tanggal mulai inovasi belum diisi: SINOVIK memintanya.",
    "The innovation has run since %(date)s, less than one year: SINOVIK takes innovations implemented for at least a year.":
        "Inovasi berjalan sejak %(date)s, kurang dari satu tahun: SINOVIK hanya menerima inovasi yang sudah diterapkan minimal satu tahun.",
    "The video link is missing (SINOVIK asks for a video of at most 3 minutes).":
        "Tautan video belum diisi (SINOVIK meminta video berdurasi paling lama 3 menit).",
    "No SDG is chosen.": "Belum ada TPB/SDGs yang dipilih.",
    "Group": "Kelompok",
    "Category (in this contest; choose SINOVIK's own category by hand)":
        "Kategori (pada kompetisi ini; pilih kategori SINOVIK secara manual)",
    "Implementation start date": "Tanggal mulai penerapan",
    "Digital innovation (application)": "Inovasi digital (aplikasi)",
    "SPBE question not answered: %(question)s": "Pertanyaan SPBE belum dijawab: %(question)s",
    "“%(letter)s” is not attached.": "“%(letter)s” belum dilampirkan.",
    "“%(letter)s” must be a PDF for SINOVIK.": "“%(letter)s” harus berupa PDF untuk SINOVIK.",
    "“%(letter)s” is %(size)s KB; SINOVIK takes at most 1,024 KB.":
        "“%(letter)s” berukuran %(size)s KB; SINOVIK menerima paling besar 1.024 KB.",
    "Field": "Isian",
    "Word limit": "Batas kata",
    "Words": "Jumlah kata",
    "Text to paste": "Teks untuk ditempel",
    "Check": "Pemeriksaan",
    "What SINOVIK would refuse": "Yang akan ditolak SINOVIK",
    "Nothing: every field is within SINOVIK's rules.": "Tidak ada: semua isian memenuhi aturan SINOVIK.",
    "For SINOVIK": "Untuk SINOVIK",
    "Ready for SINOVIK?": "Siap untuk SINOVIK?",
    "The fields KemenPAN-RB's SINOVIK asks for, in its order and with its word limits, to paste into sinovik.menpan.go.id; the package holds a sheet to paste from and the three letters as PDFs.":
        "Isian yang diminta SINOVIK KemenPAN-RB, menurut urutan dan batas katanya, untuk ditempel ke sinovik.menpan.go.id; paketnya memuat lembar untuk disalin dan tiga surat dalam bentuk PDF.",
    "Download the package (ZIP)": "Unduh paket (ZIP)",
    "Fields (group %(group)s)": "Isian (kelompok %(group)s)",
    "%(words)s of %(limit)s words": "%(words)s dari %(limit)s kata",
    "Letters": "Surat",
    "not attached": "belum dilampirkan",
    "Source: SINOVIK's proposal form 2022/2023 (Umum) and 2020/2021 (Replikasi, Khusus) as copied by provincial contests; the letters and the 1 MB limit per PDF from the KIPP 2022 call.":
        "Sumber: formulir proposal SINOVIK 2022/2023 (Umum) dan 2020/2021 (Replikasi, Khusus) sebagaimana disalin kompetisi provinsi; surat dan batas 1 MB per PDF dari pengumuman KIPP 2022.",
    "How our winners fared beyond the regency": "Kiprah pemenang kita di luar kabupaten",
    "%(n)s of %(total)s recent winners have a later result recorded (provincial contest, SINOVIK, IGA). Record them on the innovation's page.":
        "%(n)s dari %(total)s pemenang terbaru memiliki catatan hasil berikutnya (lomba provinsi, SINOVIK, IGA). Catat di halaman inovasinya.",
    "Award": "Penghargaan",
    "Innovation": "Inovasi",
    "Later results": "Hasil berikutnya",
    "Implementation cannot start before the trial.": "Penerapan tidak dapat dimulai sebelum uji coba.",
    "Indicator": "Indikator",
    "File (PDF, JPG or PNG)": "Berkas (PDF, JPG atau PNG)",
    "Give a year such as 2024.": "Isi tahun, misalnya 2024.",
    "The IID profile is not filled in yet.": "Profil IID belum diisi.",
    "The initiator is missing.": "Inisiator belum diisi.",
    "The government affair (urusan) is missing.": "Urusan pemerintahan belum diisi.",
    "The date the trial started is missing.": "Tanggal mulai uji coba belum diisi.",
    "The date implementation started is missing.": "Tanggal mulai penerapan belum diisi.",
    "The rancang bangun has %(words)s words; IID asks for at least %(min)s.":
        "Rancang bangun berisi %(words)s kata; IID meminta paling sedikit %(min)s.",
    "purpose": "tujuan",
    "benefit": "manfaat",
    "result": "hasil",
    "The %(field)s is missing.": "Isian %(field)s belum diisi.",
    "Regional head": "Kepala daerah",
    "Member of the regional council (DPRD)": "Anggota DPRD",
    "Regional agency (OPD)": "Perangkat daerah (OPD)",
    "Civil servant (ASN)": "Aparatur sipil negara (ASN)",
    "The public": "Masyarakat",
    "Education": "Pendidikan",
    "Health": "Kesehatan",
    "Public works and spatial planning": "Pekerjaan umum dan penataan ruang",
    "Housing and settlements": "Perumahan rakyat dan kawasan permukiman",
    "Public order and community protection": "Ketenteraman, ketertiban umum dan pelindungan masyarakat",
    "Social affairs": "Sosial",
    "Population administration and civil registration": "Administrasi kependudukan dan pencatatan sipil",
    "Economy, SMEs and trade": "Ekonomi, UMKM dan perdagangan",
    "Agriculture and food": "Pertanian dan pangan",
    "Environment": "Lingkungan hidup",
    "Community and village empowerment": "Pemberdayaan masyarakat dan desa",
    "Governance and administration": "Pemerintahan dan tata kelola",
    "Other affairs": "Urusan lainnya",
    "initiator": "inisiator",
    "government affair (urusan)": "urusan pemerintahan",
    "trial started on": "mulai uji coba",
    "implementation started on": "mulai penerapan",
    "design and main changes (rancang bangun)": "rancang bangun dan pokok perubahan",
    "At least 300 words: the problem, how ideas were gathered and chosen, the benefit and the impact.":
        "Paling sedikit 300 kata: latar belakang masalah, penjaringan dan pemilihan ide, manfaat, dan dampak.",
    "updated at": "diperbarui pada",
    "IID profile": "profil IID",
    "IID profiles": "profil IID",
    "indicator": "indikator",
    "file name": "nama berkas",
    "content type": "jenis isi",
    "size in bytes": "ukuran (bita)",
    "uploaded by": "diunggah oleh",
    "uploaded at": "diunggah pada",
    "IID evidence": "bukti dukung IID",
    "Provincial contest": "Lomba provinsi",
    "SINOVIK Top 99": "SINOVIK Top 99",
    "SINOVIK Top 45 (Terpuji)": "SINOVIK Top 45 (Terpuji)",
    "Entered in SINOVIK": "Diajukan ke SINOVIK",
    "Innovative Government Award (IGA)": "Innovative Government Award (IGA)",
    "Other award": "Penghargaan lain",
    "level": "tingkat",
    "For example “Peringkat 2” or “Top 45”.": "Misalnya “Peringkat 2” atau “Top 45”.",
    "note or source": "catatan atau sumber",
    "national outcome": "hasil di tingkat lebih tinggi",
    "national outcomes": "hasil di tingkat lebih tinggi",
    "Beyond the regency": "Di luar kabupaten",
    "No later result recorded yet.": "Belum ada hasil berikutnya yang dicatat.",
    "Record the result": "Catat hasilnya",
    "IID profile and evidence": "Profil dan bukti dukung IID",
    "Indeks Inovasi Daerah profile": "Profil Indeks Inovasi Daerah",
    "What Kemendagri's Indeks Inovasi Daerah asks of this innovation, and the evidence per indicator. Guideline followed:":
        "Yang diminta Indeks Inovasi Daerah Kemendagri dari inovasi ini, dan bukti dukung per indikator. Pedoman yang diikuti:",
    "Ready for IID": "Siap untuk IID",
    "Not ready for IID yet": "Belum siap untuk IID",
    "Mandatory indicator %(n)s (%(name)s) has no evidence.": "Indikator wajib %(n)s (%(name)s) belum memiliki bukti dukung.",
    "%(n)s of 20 indicators have evidence.": "%(n)s dari 20 indikator memiliki bukti dukung.",
    "Profile": "Profil",
    "Stage: %(maturity)s · Form: %(form)s": "Tahapan: %(maturity)s · Bentuk: %(form)s",
    "Non-digital": "Non digital",
    "Save the profile": "Simpan profil",
    "Evidence per indicator": "Bukti dukung per indikator",
    "Weight": "Bobot",
    "mandatory": "wajib",
    "Files uploaded here": "Berkas yang diunggah di sini",
    "Attach": "Lampirkan",
    "Readiness for the Indeks Inovasi Daerah": "Kesiapan untuk Indeks Inovasi Daerah",
    "Per unit: its innovations, how many have begun their IID profile and how many evidence files they hold. Open a unit to see each innovation against the indicators.":
        "Per unit: inovasinya, berapa yang sudah mulai mengisi profil IID dan berapa berkas bukti dukung yang dimiliki. Buka sebuah unit untuk melihat setiap inovasi terhadap indikatornya.",
    "Innovations": "Inovasi",
    "Profiles begun": "Profil mulai diisi",
    "No unit found.": "Tidak ada unit yang ditemukan.",
    "%(unit)s: readiness for IID": "%(unit)s: kesiapan untuk IID",
    "Export for the IID portal (XLSX)": "Ekspor untuk portal IID (XLSX)",
    "Ready": "Siap",
    "Indicators with evidence": "Indikator dengan bukti",
    "Still missing": "Masih kurang",
    "Yes": "Ya",
    "No": "Tidak",
    "Indicator %(n)s (%(name)s)": "Indikator %(n)s (%(name)s)",
    "No innovation yet.": "Belum ada inovasi.",
    "The IID profile is saved.": "Profil IID tersimpan.",
    "The file is attached.": "Berkas terlampir.",
    "Choose an indicator and a file.": "Pilih indikator dan berkasnya.",
    "The file is removed.": "Berkas dihapus.",
    "The result is removed.": "Hasil dihapus.",
    "The result is recorded.": "Hasil tercatat.",
})
ID.update({
    "A new required section “%(section)s” cannot be added: entries were sent without being asked for it. Add it as optional.":
        "Bagian wajib baru “%(section)s” tidak dapat ditambahkan: sudah ada entri yang dikirim tanpa diminta mengisinya. Tambahkan sebagai bagian tidak wajib.",
    "New required evidence “%(slot)s” cannot be added: entries were sent without it. Add it as optional.":
        "Bukti wajib baru “%(slot)s” tidak dapat ditambahkan: sudah ada entri yang dikirim tanpa bukti itu. Tambahkan sebagai bukti tidak wajib.",
    "Category “%(category)s” has entries sent: who may enter it and how many can no longer change.":
        "Kategori “%(category)s” sudah memiliki entri terkirim: siapa yang boleh ikut dan berapa banyak tidak dapat diubah lagi.",
    "Stage “%(stage)s” is under way (opened, assigned or scored): its kind, weight, advancement and blindness can no longer change, nor can it be removed.":
        "Tahap “%(stage)s” sedang berjalan (sudah dibuka, dibagi ke juri atau dinilai): jenis, bobot, aturan lolos dan penilaian tanpa nama tidak dapat diubah lagi, dan tahap tidak dapat dihapus.",
    "Judging has started: the stages and their weights in the final score can no longer change.":
        "Penilaian sudah dimulai: tahap dan bobotnya dalam nilai akhir tidak dapat diubah lagi.",
    "The stage is under way: criterion “%(criterion)s” cannot be added.":
        "Tahap ini sedang berjalan: kriteria “%(criterion)s” tidak dapat ditambahkan.",
    "A row you removed is still used (by answers, files, entries or another row): it cannot be removed. Nothing was saved.":
        "Baris yang Anda hapus masih dipakai (oleh jawaban, berkas, entri atau baris lain): tidak dapat dihapus. Belum ada yang disimpan.",
    "Give a date between the years 2000 and 2200.": "Isi tanggal antara tahun 2000 dan 2200.",
    "Give the number (N) or the pass mark, above zero.": "Isi angka N atau nilai batas lulus, lebih dari nol.",
    "%(n)s draft entries have text in the current form of group “%(group)s”: replacing it would delete that text.":
        "%(n)s entri draf sudah berisi teks pada formulir kelompok “%(group)s” saat ini: menggantinya akan menghapus teks itu.",
    "Readiness for the Indeks Inovasi Daerah": "Kesiapan untuk Indeks Inovasi Daerah",
})
ID.update({
    "Entries were sent under these rules: they can no longer change.":
        "Sudah ada entri yang dikirim dengan aturan ini: aturan tidak dapat diubah lagi.",
    "E-government (SPBE) questions, one per line": "Pertanyaan SPBE, satu per baris",
    "Asked when the innovation is an application.": "Ditanyakan bila inovasinya berupa aplikasi.",
    "Give a number of years between 0 and 50.": "Isi jumlah tahun antara 0 dan 50.",
    "Give a number between 0 and 1.": "Isi angka antara 0 dan 1.",
    "At most 20 questions.": "Paling banyak 20 pertanyaan.",
    "Telegram channel": "Kanal Telegram",
    "Entry rules": "Aturan pendaftaran",
    "Who may enter and what applications are asked; the eligibility checklist applies them. They are fixed once entries were sent.":
        "Siapa yang boleh ikut dan apa yang ditanyakan kepada pendaftar; daftar periksa kelayakan menerapkannya. Aturan ini tetap setelah ada entri yang dikirim.",
})
