"""Indonesian for the live-sync and junk-parameter fixes (jury, results, the shared middleware).

Compile with: .venv/bin/python tools/translate.py tools/i18n/livesync_junk.py (after makemessages).
"""

ID = {
    # sayembara/middleware.py (shared catalogue, sayembara/locale)
    "The request holds a character that is not allowed (NUL). Remove it and try again.":
        "Permintaan memuat karakter yang tidak diizinkan (NUL). Hapus karakter itu lalu coba lagi.",
    "The form could not be read. Please send it again.":
        "Formulir tidak dapat dibaca. Silakan kirim ulang.",
    # sayembara/results/views.py
    "Votes were sent for an entry that is not in this edition: nothing was saved.":
        "Suara dikirim untuk entri yang bukan bagian dari penyelenggaraan ini: tidak ada yang disimpan.",
    # sayembara/jury/views.py
    "Choose a juror of this edition.": "Pilih juri dari penyelenggaraan ini.",
    "The submission could not be read: it must be sent as JSON.":
        "Kiriman tidak dapat dibaca: kiriman harus berformat JSON.",
    # sayembara/jury/services.py
    "The submission could not be read: it is not valid JSON.":
        "Kiriman tidak dapat dibaca: isinya bukan JSON yang sah.",
    "The submission could not be read: a JSON object is expected.":
        "Kiriman tidak dapat dibaca: yang diharapkan adalah objek JSON.",
    "The submission could not be read: “%(field)s” must be a text.":
        "Kiriman tidak dapat dibaca: “%(field)s” harus berupa teks.",
    "The submission could not be read: every score must be a number.":
        "Kiriman tidak dapat dibaca: setiap nilai harus berupa angka.",
    "The submission could not be read: its key must be 8 to %(max)s letters, digits, “-” or “_”.":
        "Kiriman tidak dapat dibaca: kuncinya harus terdiri atas 8 sampai %(max)s huruf, angka, “-” atau “_”.",
    "The submission could not be read: the entry is missing.":
        "Kiriman tidak dapat dibaca: entrinya tidak disebutkan.",
    "The submission could not be read: the sheet version is missing. Reload the page.":
        "Kiriman tidak dapat dibaca: versi lembar penilaian tidak ada. Muat ulang halaman.",
    "The submission could not be read: “%(field)s” must map criteria to values.":
        "Kiriman tidak dapat dibaca: “%(field)s” harus memetakan kriteria ke nilainya.",
    "The submission could not be read: unknown criteria %(criteria)s.":
        "Kiriman tidak dapat dibaca: kriteria tidak dikenal %(criteria)s.",
    "The submission could not be read: a justification was sent without its score.":
        "Kiriman tidak dapat dibaca: ada alasan penilaian yang dikirim tanpa nilainya.",
    "The submission could not be read: “%(field)s” must be true or false.":
        "Kiriman tidak dapat dibaca: “%(field)s” harus bernilai benar atau salah.",
    # sayembara/jury/models.py
    "result": "hasil",
    # sayembara/jury/templates/jury/live.html
    "Changed on another device meanwhile: your scores are kept on this device. Check the marked criteria and submit again.":
        "Sementara itu lembar ini diubah di perangkat lain: nilai Anda tetap tersimpan di perangkat ini. "
        "Periksa kriteria yang ditandai lalu kirim lagi.",
    "Saved on the other device: %%s": "Tersimpan di perangkat lain: %%s",
}
