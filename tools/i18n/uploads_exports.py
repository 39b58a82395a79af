# Indonesian for upload checking (sayembara/uploads.py), the request size limit (sayembara/limits.py),
# rate limits (sayembara/throttle.py, templates/429.html) and the registry's follow-up evidence.
# Applied with tools/translate.py. Some messages moved from sayembara/entries/uploads.py and keep their wording.
ID = {
    # The messages moved from entries keep their Indonesian in tools/i18n/id_entries.py.
    # Images limited in pixels
    "The image “%(name)s” is %(width)s × %(height)s pixels; the limit is %(megapixels)s million pixels. "
    "Save it at a smaller size (for example 4000 × 3000 pixels) and try again.":
        "Gambar “%(name)s” berukuran %(width)s × %(height)s piksel; batasnya %(megapixels)s juta piksel. "
        "Simpan dengan ukuran lebih kecil (misalnya 4000 × 3000 piksel) lalu coba lagi.",
    "The image “%(name)s” has too many pixels; the limit is %(megapixels)s million pixels. "
    "Save it at a smaller size (for example 4000 × 3000 pixels) and try again.":
        "Gambar “%(name)s” memiliki terlalu banyak piksel; batasnya %(megapixels)s juta piksel. "
        "Simpan dengan ukuran lebih kecil (misalnya 4000 × 3000 piksel) lalu coba lagi.",
    # Spreadsheet imports
    "The file “%(name)s” is not an Excel workbook (.xlsx), whatever its name says. Open it in a spreadsheet "
    "program, save it as “Excel Workbook (.xlsx)” and try again.":
        "Berkas “%(name)s” bukan buku kerja Excel (.xlsx), apa pun nama berkasnya. Buka di program lembar kerja, "
        "simpan sebagai “Buku Kerja Excel (.xlsx)” lalu coba lagi.",
    "The file “%(name)s” is an old Excel file (.xls) or a password-protected workbook. Save it as “Excel "
    "Workbook (.xlsx)” without a password and try again.":
        "Berkas “%(name)s” adalah berkas Excel lama (.xls) atau buku kerja yang dilindungi kata sandi. Simpan sebagai "
        "“Buku Kerja Excel (.xlsx)” tanpa kata sandi lalu coba lagi.",
    "The workbook “%(name)s” unpacks to %(size)s; the limit is %(limit)s. Split it into smaller workbooks "
    "and import them one by one.":
        "Buku kerja “%(name)s” berisi %(size)s data setelah dibuka; batasnya %(limit)s. Pecah menjadi beberapa buku "
        "kerja yang lebih kecil lalu impor satu per satu.",
    # Follow-up evidence (registry)
    "PDF, JPG or PNG.": "PDF, JPG atau PNG.",
    # Request body limit (413)
    "The file is too large": "Berkas terlalu besar",
    "At most %(limit)s can be sent at once, and each file may be at most %(file_limit)s. Nothing was "
    "received or saved: go back, choose a smaller file (scan at a lower resolution or split it) and send it again.":
        "Paling banyak %(limit)s dapat dikirim sekaligus, dan setiap berkas paling besar %(file_limit)s. Tidak ada "
        "yang diterima atau disimpan: kembali, pilih berkas yang lebih kecil (pindai dengan resolusi lebih rendah "
        "atau pecah berkasnya) lalu kirim lagi.",
    # Rate limits (429)
    "Too many submissions": "Terlalu banyak kiriman",
    "Too many submissions from your connection: at most %(limit)s in %(minutes)s minutes.":
        "Terlalu banyak kiriman dari sambungan Anda: paling banyak %(limit)s dalam %(minutes)s menit.",
    "What you wrote is kept below; please send it again later.":
        "Isian Anda tetap tersimpan di bawah; silakan kirim lagi nanti.",
    "Please try again later.": "Silakan coba lagi nanti.",
}
