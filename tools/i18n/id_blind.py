"""Indonesian for blind review (issue 10): pseudonyms, masking, the public side waiting."""

ID = {
    "%(n)s entries passed screening. The jury is judging them without knowing who made them, so the list is published when the blind stage closes.":
        "%(n)s proposal lolos seleksi administrasi. Juri sedang menilainya tanpa mengetahui pembuatnya, sehingga daftarnya diumumkan setelah tahap penilaian tertutup selesai.",
    "Of %(total)s entries screened, %(n)s entry passed the administrative screening and goes on to judging.":
        "Dari %(total)s proposal yang diseleksi, %(n)s proposal lolos seleksi administrasi dan lanjut ke tahap penilaian.",
    "The jury is judging these entries without knowing who made them. The names of the entries and their units are published here when the blind stage closes.":
        "Juri sedang menilai proposal ini tanpa mengetahui pembuatnya. Judul proposal dan nama unitnya diumumkan di sini setelah tahap penilaian tertutup selesai.",
    "A blind stage is open: the public sees only how many entries passed, per category, until it closes.":
        "Tahap penilaian tertutup sedang berlangsung: publik hanya melihat jumlah proposal yang lolos per kategori sampai tahap itu selesai.",
    "While a blind stage is open, the public sees only how many entries passed, per category; the names follow when it closes.":
        "Selama tahap penilaian tertutup berlangsung, publik hanya melihat jumlah proposal yang lolos per kategori; nama-namanya menyusul setelah tahap itu selesai.",
    "Masked in this copy:": "Disamarkan dalam salinan ini:",
    "other names": "nama lain",
    "Comma-separated: old names and abbreviations the unit is known by.":
        "Pisahkan dengan koma: nama lama dan singkatan yang dipakai untuk unit ini.",
    "pseudonym": "nama samaran",
    "title shown": "judul yang ditampilkan",
    "proposal text shown": "isi proposal yang ditampilkan",
    "masked": "disamarkan",
    "may still name the makers": "mungkin masih menyebut pembuatnya",
    "entry pseudonym": "nama samaran proposal",
    "entry pseudonyms": "nama samaran proposal",
    "Opening “%(stage)s” now would show %(count)s entries to the same jurors both blind and with their makers' names, because “%(other)s” is open. Close that stage first, or record why it must be so; those entries then stay hidden from those jurors here until the blind stage closes.":
        "Membuka “%(stage)s” sekarang akan memperlihatkan %(count)s proposal kepada juri yang sama, tertutup sekaligus dengan nama pembuatnya, karena “%(other)s” sedang dibuka. Tutup tahap itu dulu, atau catat alasan mengapa harus begitu; proposal tersebut lalu tetap tersembunyi dari juri itu di sini sampai tahap tertutup selesai.",
    "Scoring opened": "Penilaian dibuka",
    "Scoring opened while a stage of the other kind is open: %(reason)s": "Penilaian dibuka saat tahap jenis lain masih dibuka: %(reason)s",
    "Stage closed": "Tahap ditutup",
    "%(n)s entry you are judging blind in another stage appears here once that stage closes.":
        "%(n)s proposal yang Anda nilai secara tertutup di tahap lain akan muncul di sini setelah tahap itu selesai.",
    "Blind stage": "Tahap penilaian tertutup",
    "Jurors see each entry under a pseudonym of this stage, with the names of its unit, team, e-mails and phone numbers masked in the title and text, and evidence under neutral names.":
        "Juri melihat setiap proposal dengan nama samaran tahap ini; nama unit, tim, alamat e-mail dan nomor telepon disamarkan dalam judul dan isi, dan berkas bukti diberi nama netral.",
    "What jurors read: masked names and possible leftovers": "Yang dibaca juri: nama yang disamarkan dan yang mungkin tersisa",
    "A stage of the other kind (blind or open) is open with %(n)s of the same juror–entry pairs. Opening now is refused unless you record why; those entries then stay hidden from those jurors here until the blind stage closes.":
        "Tahap jenis lain (tertutup atau terbuka) sedang dibuka dengan %(n)s pasangan juri–proposal yang sama. Pembukaan sekarang ditolak kecuali Anda mencatat alasannya; proposal tersebut lalu tetap tersembunyi dari juri itu di sini sampai tahap tertutup selesai.",
    "Reason (only when opening despite this)": "Alasan (hanya bila tetap dibuka)",
    "What jurors read": "Yang dibaca juri",
    "Each entry as the jurors of this blind stage see it: its pseudonym, its masked title, what was masked, and words that may still name its makers (a misspelt name, an unusual form). Where something remains, ask the entrant to correct the text or add the form to the unit's other names.":
        "Setiap proposal sebagaimana dilihat juri tahap tertutup ini: nama samarannya, judul yang disamarkan, apa yang disamarkan, dan kata yang mungkin masih menyebut pembuatnya (nama salah ketik, bentuk tak lazim). Bila masih ada, minta peserta memperbaiki teksnya atau tambahkan bentuk itu ke nama lain unit.",
    "Number": "Nomor",
    "Pseudonym": "Nama samaran",
    "Title jurors see": "Judul yang dilihat juri",
    "Masked": "Disamarkan",
    "May still name the makers": "Mungkin masih menyebut pembuatnya",
    "%(count)s entries stay hidden from the jurors who judge them blind elsewhere until that stage closes.":
        "%(count)s proposal tetap tersembunyi dari juri yang menilainya secara tertutup di tahap lain sampai tahap itu selesai.",
    "%(n)s entries passed screening. The jury judges them without knowing who made them, so the list is published when the blind stage has closed.":
        "%(n)s proposal lolos seleksi administrasi. Juri menilainya tanpa mengetahui pembuatnya, sehingga daftarnya diumumkan setelah tahap penilaian tertutup selesai.",
    "The jury judges these entries without knowing who made them. The names of the entries and their units are published here when the blind stage has closed.":
        "Juri menilai proposal ini tanpa mengetahui pembuatnya. Judul proposal dan nama unitnya diumumkan di sini setelah tahap penilaian tertutup selesai.",
    "This edition's blind stage has not closed yet: the public sees only how many entries passed, per category, until it closes.":
        "Tahap penilaian tertutup edisi ini belum selesai: publik hanya melihat jumlah proposal yang lolos per kategori sampai tahap itu selesai.",
}
