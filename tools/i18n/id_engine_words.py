"""Indonesian for the numeric core's warnings and the assignment's reasons, said from data (issue 13)."""

ID = {
    "Record the conflict": "Catat konflik",
    "No juror of the %(element)s element: there is none in the jury at all. Add one, or relax the composition rule knowingly.":
        "Tidak ada juri unsur %(element)s: dewan juri sama sekali tidak memilikinya. Tambahkan, atau longgarkan "
        "aturan komposisi dengan sadar.",
    "No juror of the %(element)s element: all %(pool)s of them have a conflict of interest with this entry.":
        "Tidak ada juri unsur %(element)s: seluruh %(pool)s juri itu memiliki konflik kepentingan dengan inovasi ini.",
    "No juror of the %(element)s element: %(free)s of them are free of conflicts, but their maximum load went to other entries.":
        "Tidak ada juri unsur %(element)s: %(free)s juri bebas konflik, tetapi beban maksimalnya sudah terpakai "
        "untuk inovasi lain.",
    "No juror of the %(element)s element.": "Tidak ada juri unsur %(element)s.",
    "%(received)s of %(need)s jurors: only %(free)s of the %(pool)s jurors are free of conflicts with this entry.":
        "%(received)s dari %(need)s juri: hanya %(free)s dari %(pool)s juri yang bebas konflik dengan inovasi ini.",
    "%(received)s of %(need)s jurors: %(free)s jurors are free of conflicts, but their maximum load went to other entries.":
        "%(received)s dari %(need)s juri: %(free)s juri bebas konflik, tetapi beban maksimalnya sudah terpakai "
        "untuk inovasi lain.",
    "Fewer jurors than the panel needs.": "Jumlah juri kurang dari yang dibutuhkan panel.",
    "A constraint of the assignment is not met.": "Ada aturan penugasan yang tidak terpenuhi.",
    "The sheet of %(juror)s for %(entry)s in stage %(stage)s is incomplete (without %(criteria)s): it is left out, not counted as zero.":
        "Lembar nilai %(juror)s untuk %(entry)s pada tahap %(stage)s belum lengkap (tanpa %(criteria)s): lembar "
        "ini tidak dihitung, bukan dianggap nol.",
    "%(entry)s has no complete sheet in stage %(stage)s, so it is not ranked in that stage.":
        "%(entry)s tidak punya lembar nilai yang lengkap pada tahap %(stage)s, sehingga tidak diperingkat pada "
        "tahap itu.",
    "%(juror)s filled in a single sheet in stage %(stage)s: that juror's standard scores are set to 0 (the juror's own average).":
        "%(juror)s hanya mengisi satu lembar pada tahap %(stage)s: skor baku juri itu dianggap 0 (rata-rata juri "
        "itu sendiri).",
    "%(juror)s gave every entry the same total in stage %(stage)s: that juror's standard scores are set to 0.":
        "%(juror)s memberi nilai total yang sama untuk semua inovasi pada tahap %(stage)s: skor baku juri itu "
        "dianggap 0.",
    "%(count)s entry has a single sheet in stage %(stage)s: its rank range cannot show how much jurors differ.":
        "%(count)s inovasi hanya punya satu lembar nilai pada tahap %(stage)s: rentang peringkatnya tidak dapat "
        "menunjukkan perbedaan antarjuri.",
    "Stage %(stage)s has no submitted sheets yet: this ranking does not include it.":
        "Tahap %(stage)s belum punya lembar nilai yang dikirim: peringkat ini belum memperhitungkannya.",
    "The computation left a technical note for the system's administrator.":
        "Perhitungan meninggalkan catatan teknis untuk pengelola sistem.",
    "The stored scores cannot be used to compute a ranking. Please tell the system's administrator.":
        "Nilai yang tersimpan tidak dapat dipakai untuk menghitung peringkat. Mohon beri tahu pengelola sistem.",
    "Criterion %(criterion)s of stage %(stage)s has a weight but no submitted sheet scores it (was it added after scoring?). Have it scored, or remove it, then compute again.":
        "Kriteria %(criterion)s pada tahap %(stage)s memiliki bobot, tetapi belum dinilai pada lembar mana pun "
        "(ditambahkan setelah penilaian?). Nilailah dulu atau hapus kriteria itu, lalu hitung lagi.",
    "Criterion %(criterion)s of stage %(stage)s is scored but has no weight. Give it a weight, then compute again.":
        "Kriteria %(criterion)s pada tahap %(stage)s sudah dinilai tetapi tidak punya bobot. Beri bobot, lalu "
        "hitung lagi.",
    "Stage %(stage)s has a weight but no submitted sheets.":
        "Tahap %(stage)s memiliki bobot tetapi belum punya lembar nilai yang dikirim.",
    "Mean": "Rata-rata",
    "Median": "Median",
    "Standard scores": "Skor baku",
    "Leniency corrected": "Terkoreksi kemurahan",
    "Ranking computed in %(seconds)s seconds.": "Peringkat dihitung dalam %(seconds)s detik.",
}

ID.update({
    "Entry number": "Nomor entri",
})

ID.update({
    "The replicating innovation must belong to the replicating unit.":
        "Inovasi yang mereplikasi harus milik unit yang mereplikasi.",
})

ID.update({
    "Entries %(first)s–%(last)s of %(total)s.": "Entri %(first)s–%(last)s dari %(total)s.",
    "See every entry": "Lihat semua entri",
})
