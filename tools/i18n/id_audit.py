"""Indonesian for the audit trail read as a register (issue 13): who, what in words, when in WIB, why."""

ID = {
    # Notes the services write as the occasion of a change
    "Jury assignment run": "Penugasan juri dijalankan",
    "Assignment changed by hand": "Penugasan diubah secara manual",
    "Assignment locked": "Penugasan dikunci",
    "Assignment unlocked": "Kunci penugasan dibuka",
    "Presentation schedule": "Jadwal presentasi",
    "Entered from a paper sheet": "Dimasukkan dari lembar penilaian kertas",
    "Yearly sustainability follow-up": "Pemantauan keberlanjutan tahunan",
    "Invitation to enter": "Undangan untuk ikut serta",
    # Records named in words
    "%(juror)s for %(entry)s, %(stage)s stage": "%(juror)s untuk %(entry)s, tahap %(stage)s",
    "score sheet": "lembar penilaian",
    "from %(name)s": "dari %(name)s",
    "filed by": "diajukan oleh",
    "e-mail address": "alamat e-mail",
    "a removed %(thing)s": "%(thing)s yang sudah dihapus",
    # What happened
    "Juror %(juror)s assigned to entry %(entry)s in the %(stage)s stage":
        "Juri %(juror)s ditugaskan ke inovasi %(entry)s pada tahap %(stage)s",
    "Juror %(juror)s no longer assigned to entry %(entry)s in the %(stage)s stage":
        "Penugasan juri %(juror)s ke inovasi %(entry)s pada tahap %(stage)s dibatalkan",
    "Score on criterion %(criterion)s given: %(value)s": "Nilai kriteria %(criterion)s diisi: %(value)s",
    "Score on criterion %(criterion)s removed (was %(value)s)":
        "Nilai kriteria %(criterion)s dihapus (sebelumnya %(value)s)",
    "Score on criterion %(criterion)s changed from %(before)s to %(after)s":
        "Nilai kriteria %(criterion)s diubah dari %(before)s menjadi %(after)s",
    "Jury assignment of the %(name)s stage locked": "Penugasan juri tahap %(name)s dikunci",
    "Jury assignment of the %(name)s stage unlocked": "Kunci penugasan juri tahap %(name)s dibuka",
    "Jurors of the %(name)s stage assigned": "Juri tahap %(name)s ditugaskan",
    "Results locked": "Hasil dikunci",
    "Results unlocked": "Kunci hasil dibuka",
    "Status of %(thing)s %(name)s changed from %(before)s to %(after)s":
        "Status %(thing)s %(name)s diubah dari %(before)s menjadi %(after)s",
    "%(thing)s %(name)s created": "%(thing)s %(name)s dibuat",
    "%(thing)s %(name)s deleted": "%(thing)s %(name)s dihapus",
    "%(thing)s %(name)s changed": "%(thing)s %(name)s diubah",
    # Each changed field
    "%(field)s: %(value)s": "%(field)s: %(value)s",
    "%(field)s set to %(after)s": "%(field)s diisi: %(after)s",
    "%(field)s cleared (was %(before)s)": "%(field)s dikosongkan (sebelumnya %(before)s)",
    "%(field)s changed from %(before)s to %(after)s": "%(field)s diubah dari %(before)s menjadi %(after)s",
    "empty": "kosong",
    "yes": "ya",
    "no": "tidak",
    "%(count)s item": "%(count)s butir",
    # Who
    "organiser": "panitia",
    "juror": "juri",
    "verifier, %(unit)s": "verifikator %(unit)s",
    "innovator, %(unit)s": "inovator %(unit)s",
    # The page
    "Every change to proposals, scores and results: who made it, what changed, when (WIB) and why. Nothing here can be edited.":
        "Setiap perubahan pada proposal, nilai dan hasil: siapa yang mengubah, apa yang berubah, kapan (WIB) dan "
        "mengapa. Tidak ada yang dapat diubah di sini.",
    "History of %(record)s.": "Riwayat %(record)s.",
    "All records of this type": "Semua data jenis ini",
    "All changes": "Semua perubahan",
    "%(counter)s detail": "%(counter)s rincian",
    "History of this record": "Riwayat data ini",
    "Why": "Alasan",
    "Pages": "Halaman",
    "Newer": "Lebih baru",
    "Older": "Lebih lama",
    "Page %(number)s of %(total)s": "Halaman %(number)s dari %(total)s",
    # Names of records and fields the models leave in English
    "jury vote": "suara juri",
    "jury votes": "suara juri",
    "certificate": "piagam",
    "certificates": "piagam",
    "edition": "edisi",
    "entry": "entri",
    "award": "penghargaan",
    "kind": "jenis",
    "code": "kode",
    "status": "status",
    "announcement": "pengumuman",
    "locked by": "dikunci oleh",
    "published at": "diumumkan pada",
    "published by": "diumumkan oleh",
    "superseded by": "digantikan oleh",
    "issued at": "diterbitkan pada",
    "filed at": "diajukan pada",
    "answered at": "dijawab pada",
    "answered by": "dijawab oleh",
    "opened at": "dibuka pada",
    "opened by": "dibuka oleh",
    "SHA-256 fingerprint": "sidik jari SHA-256",
}
