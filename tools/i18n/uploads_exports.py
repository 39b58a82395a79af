# Indonesian for upload checking (sayembara/uploads.py), the request size limit (sayembara/limits.py),
# rate limits (sayembara/throttle.py, templates/429.html) and the registry's follow-up evidence.
# Applied with tools/translate.py. Some messages moved from sayembara/entries/uploads.py and keep their wording.
ID = {
    # Moved from entries (same Indonesian as tools/i18n/id_entries.py)
    "file": "berkas",
    "The file “%(name)s” is %(size)s; the limit is %(limit)s per file. Make it smaller (scan at a lower resolution or split it) and try again.":
        "Berkas “%(name)s” berukuran %(size)s; batasnya %(limit)s per berkas. Perkecil (pindai dengan resolusi lebih rendah atau pecah berkasnya) lalu coba lagi.",
    "The file “%(name)s” is empty.": "Berkas “%(name)s” kosong.",
    "The file “%(name)s” is not a PDF, JPG or PNG document (whatever its name says). Save or export it as PDF and try again.":
        "Berkas “%(name)s” bukan dokumen PDF, JPG atau PNG (apa pun nama berkasnya). Simpan atau ekspor sebagai PDF lalu coba lagi.",
    "The PDF “%(name)s” is password-protected. Save it without a password and try again.":
        "PDF “%(name)s” dilindungi kata sandi. Simpan tanpa kata sandi lalu coba lagi.",
    "The PDF “%(name)s” could not be read; it may be damaged. Export it again and try once more.":
        "PDF “%(name)s” tidak dapat dibaca; mungkin rusak. Ekspor ulang lalu coba sekali lagi.",
    "The image “%(name)s” could not be read; it may be damaged. Save it again as JPG or PNG.":
        "Gambar “%(name)s” tidak dapat dibaca; mungkin rusak. Simpan ulang sebagai JPG atau PNG.",
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
