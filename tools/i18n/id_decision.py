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
    "These results are final": "Hasil ini sudah final",
    "The results of this edition are published and final: “%(what)s” cannot change. A genuine error is corrected by a numbered correction (ralat) with its reason, on the ranking desk.":
        "Hasil edisi ini sudah diumumkan dan final: “%(what)s” tidak dapat diubah. Kesalahan yang nyata diperbaiki dengan ralat bernomor beserta alasannya, di meja peringkat.",
    "correction number": "nomor ralat",
    "reason": "alasan",
    "correction (ralat)": "ralat",
    "corrections (ralat)": "ralat",
    "award certified": "penghargaan yang dinyatakan",
    "Published results cannot be unlocked: open a correction (ralat) to change them.":
        "Hasil yang sudah diumumkan tidak dapat dibuka kuncinya: buka ralat untuk mengubahnya.",
    "These results are not published: there is nothing to correct.": "Hasil ini belum diumumkan: tidak ada yang perlu diralat.",
    "Say what is corrected and why: the reason is published with the correction.":
        "Sebutkan apa yang diralat dan alasannya: alasan itu diumumkan bersama ralat.",
    "A correction is already open.": "Sebuah ralat sudah dibuka.",
    "No correction is open.": "Tidak ada ralat yang dibuka.",
    "Decide and lock the corrected winners before publishing the correction.":
        "Tetapkan dan kunci pemenang hasil ralat sebelum mengumumkan ralat.",
    "Correction %(number)s published": "Ralat %(number)s diumumkan",
    "It was issued for results that were later corrected: correction %(number)s of %(when)s no longer gives this award.":
        "Piagam ini diterbitkan untuk hasil yang kemudian diralat: ralat %(number)s tanggal %(when)s tidak lagi memberikan penghargaan ini.",
    "Correction %(number)s": "Ralat %(number)s",
    "Correction %(number)s is open": "Ralat %(number)s sedang dibuka",
    "Scores, sheets, conflicts and winners may change while it is open; every change is in the audit trail.":
        "Nilai, lembar penilaian, konflik kepentingan dan pemenang dapat diubah selama ralat dibuka; setiap perubahan tercatat dalam jejak audit.",
    "Publishing the correction freezes the corrected results under a new fingerprint. Continue?":
        "Mengumumkan ralat membekukan hasil yang diralat dengan sidik jari baru. Lanjutkan?",
    "Publish the correction": "Umumkan ralat",
    "These results are final: nothing they rest on can change. A genuine error is corrected by a numbered correction (ralat), published with its reason.":
        "Hasil ini final: dasar perhitungannya tidak dapat diubah. Kesalahan yang nyata diperbaiki dengan ralat bernomor yang diumumkan beserta alasannya.",
    "What is corrected, and why": "Apa yang diralat, dan alasannya",
    "Open a correction (ralat)": "Buka ralat",
    "These results were corrected": "Hasil ini telah diralat",
    "Original publication, %(when)s": "Pengumuman awal, %(when)s",
    "Correction %(number)s, %(when)s": "Ralat %(number)s, %(when)s",
    "The fingerprint above is the latest version's; every earlier version stays verifiable.":
        "Sidik jari di atas adalah versi terakhir; setiap versi sebelumnya tetap dapat diperiksa.",
    "These results are published and final: they are not computed again. A genuine error is corrected by a numbered correction (ralat).":
        "Hasil ini sudah diumumkan dan final: tidak dihitung ulang. Kesalahan yang nyata diperbaiki dengan ralat bernomor.",
    "Correction %(number)s is open: change what must be corrected, decide and lock the winners, then publish the correction.":
        "Ralat %(number)s dibuka: ubah yang perlu diperbaiki, tetapkan dan kunci pemenang, lalu umumkan ralat.",
    "Correction %(number)s is published. SHA-256: %(hash)s": "Ralat %(number)s telah diumumkan. SHA-256: %(hash)s",
    "signatory's NIP": "NIP penanda tangan",
    "regent's title on the decree": "sebutan kepala daerah pada keputusan",
    "regent's name": "nama kepala daerah",
    "legal basis of the decree (Mengingat), one per line": "dasar hukum keputusan (Mengingat), satu per baris",
}
