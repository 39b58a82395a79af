"""Indonesian for issue 13's phone and accessibility work: skip link, table regions, error pages."""

ID = {
    # base.html: keyboard and screen-reader users
    "Skip to content": "Langsung ke isi",
    "Table": "Tabel",
    # Error pages (templates/400.html, 403.html, 404.html, 403_csrf.html, 500.html)
    "Where to go next": "Ke mana selanjutnya",
    "Back to the home page": "Kembali ke beranda",
    "Page not found": "Halaman tidak ditemukan",
    "Error 404": "Kesalahan 404",
    "The address may be mistyped, or the page has been moved or removed.":
        "Alamatnya mungkin salah ketik, atau halamannya sudah dipindahkan atau dihapus.",
    "Search the innovation registry": "Cari di registri inovasi",
    "Access denied": "Akses ditolak",
    "Error 403": "Kesalahan 403",
    "This page is not open to your account.": "Halaman ini tidak terbuka untuk akun Anda.",
    "If you think you should see it, ask the organiser (panitia) or your unit's verifier.":
        "Jika menurut Anda seharusnya dapat membukanya, tanyakan kepada panitia atau verifikator unit Anda.",
    "Log in first: many pages are only for the people taking part.":
        "Masuk terlebih dahulu: banyak halaman hanya untuk peserta dan pengelola kompetisi.",
    "The request could not be understood": "Permintaan tidak dapat dipahami",
    "Error 400": "Kesalahan 400",
    "Something in the address or the form was not valid. Go back, check what you entered and try again.":
        "Ada yang tidak sah pada alamat atau formulir. Kembali, periksa isian Anda, lalu coba lagi.",
    "The form could not be sent": "Formulir tidak dapat dikirim",
    "For your safety the form was refused: it was open for a long time, or you logged in or out in another window since it was opened.":
        "Demi keamanan Anda, formulir ditolak: formulir terlalu lama terbuka, atau Anda masuk atau keluar di jendela lain sejak formulir dibuka.",
    "Reload the page, then send it again; data that was already saved is not lost.":
        "Muat ulang halaman lalu kirim lagi; data yang sudah tersimpan tidak hilang.",
    "Your browser must accept cookies from this site to send forms.":
        "Peramban Anda harus menerima cookie dari situs ini agar dapat mengirim formulir.",
    "Back to the form": "Kembali ke formulir",
    "Error 500": "Kesalahan 500",
    "Something went wrong on our side": "Terjadi kesalahan di sisi kami",
    "The page could not be shown because of an error in the application, not because of anything you did.":
        "Halaman tidak dapat ditampilkan karena kesalahan pada aplikasi, bukan karena tindakan Anda.",
    "Please try again in a few minutes; data that was already saved is not lost. If it keeps happening, tell the organiser (panitia) what you were doing.":
        "Silakan coba lagi beberapa menit lagi; data yang sudah tersimpan tidak hilang. Jika terus terjadi, beri tahu panitia apa yang sedang Anda lakukan.",
}
