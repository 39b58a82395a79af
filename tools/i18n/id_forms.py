"""Indonesian for the entry form fixes of issue 13: dates, word limits at sending, categories by kind of unit,
evidence slots by file type, confirming an address at login."""

ID = {
    # Word limits are a rule for sending
    "Some sections are longer than their word limit. They are saved; shorten them before sending the entry.":
        "Beberapa bagian melebihi batas kata. Bagian itu tetap tersimpan; ringkas sebelum entri dikirim.",

    # Evidence slots and what they accept
    "accepted files": "berkas yang diterima",
    "PDF, JPG or PNG": "PDF, JPG atau PNG",
    "Photos: JPG or PNG": "Foto: JPG atau PNG",
    "PDF only": "Hanya PDF",
    "Photo (JPG or PNG)": "Foto (JPG atau PNG)",
    "File (PDF)": "Berkas (PDF)",
    "The file “%(name)s” is not a photo: this slot takes JPG or PNG images only (whatever its name says). "
    "Choose a photo, or put the document in the slot it belongs to.":
        "Berkas “%(name)s” bukan foto: jenis bukti ini hanya menerima gambar JPG atau PNG (apa pun nama berkasnya). "
        "Pilih foto, atau unggah dokumen itu pada jenis bukti yang sesuai.",
    "The file “%(name)s” is not a PDF: this slot takes PDF documents only (whatever its name says). "
    "Save or export it as PDF and try again.":
        "Berkas “%(name)s” bukan PDF: jenis bukti ini hanya menerima dokumen PDF (apa pun nama berkasnya). "
        "Simpan atau ekspor sebagai PDF, lalu coba lagi.",

    # Categories open to kinds of unit
    "open to institution types": "terbuka untuk jenis instansi",
    "Leave empty to open the category to every kind of unit.":
        "Kosongkan agar kategori terbuka untuk semua jenis unit.",
    "This category is not open to units of your kind (%(kind)s). Choose one of the categories in the list.":
        "Kategori ini tidak terbuka untuk unit sejenis unit Anda (%(kind)s). Pilih salah satu kategori dalam daftar.",
    "The category “%(category)s” is for %(kinds)s only, and your unit is of the kind “%(kind)s”. "
    "Choose a category open to your unit.":
        "Kategori “%(category)s” hanya untuk %(kinds)s, sedangkan unit Anda berjenis “%(kind)s”. "
        "Pilih kategori yang terbuka untuk unit Anda.",
    "Choose a category of this edition.": "Pilih kategori dari edisi ini.",
    "Category open to the unit": "Kategori terbuka untuk unit",
    "the category “%(category)s” is not open to %(unit)s (%(kind)s)":
        "kategori “%(category)s” tidak terbuka untuk %(unit)s (%(kind)s)",

    # Logging in before confirming the address
    "This registration was not confirmed within %(days)s days and has lapsed. Register again with the same address.":
        "Pendaftaran ini tidak dikonfirmasi dalam %(days)s hari sehingga sudah kedaluwarsa. Daftar lagi dengan "
        "alamat yang sama.",
    "Register again": "Daftar lagi",
}
