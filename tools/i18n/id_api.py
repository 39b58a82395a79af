"""Indonesian for issue 18, part 5 (the REST API): the organiser's token page and the API's refusals."""

ID = {
    "API": "API",
    "Invalid or revoked token.": "Token tidak sah atau sudah dicabut.",
    "User inactive or deleted.": "Pengguna tidak aktif atau sudah dihapus.",
    "user": "pengguna",
    "name": "nama",
    "prefix": "awalan",
    "created at": "dibuat pada",
    "last used at": "terakhir dipakai pada",
    "revoked at": "dicabut pada",
    "API token": "Token API",
    "API tokens": "Token API",
    "Only the organiser may create API tokens.": "Hanya panitia yang dapat membuat token API.",
    "Give the token a name, e.g. the program that will use it.":
        "Beri token sebuah nama, misalnya program yang akan memakainya.",
    "You already have %(n)s active tokens: revoke one first.":
        "Anda sudah memiliki %(n)s token aktif: cabut salah satunya dahulu.",
    "This token is not yours.": "Token ini bukan milik Anda.",
    "A program that exports an edition's entries, assignments and scores sends one of your tokens with each request, "
    "in the header Authorization: Token followed by the key.":
        "Program yang mengekspor entri, penugasan juri dan nilai suatu edisi mengirim salah satu token Anda pada setiap "
        "permintaan, di header Authorization: Token diikuti kuncinya.",
    "API documentation": "Dokumentasi API",
    "OpenAPI schema": "Skema OpenAPI",
    "Your new token": "Token baru Anda",
    "Copy it now: it is shown only this once and cannot be shown again.":
        "Salin sekarang: token ini hanya ditampilkan sekali ini dan tidak dapat ditampilkan lagi.",
    "Create a token": "Buat token",
    "Name (the program that will use it)": "Nama (program yang akan memakainya)",
    "Create token": "Buat token",
    "Your tokens": "Token Anda",
    "Name": "Nama",
    "Starts with": "Diawali",
    "Created": "Dibuat",
    "Last used": "Terakhir dipakai",
    "Status": "Status",
    "never": "belum pernah",
    "active": "aktif",
    "revoked %(when)s": "dicabut %(when)s",
    "Revoke": "Cabut",
    "No tokens yet.": "Belum ada token.",
    "The token “%(name)s” is revoked: programs using it are refused from now on.":
        "Token “%(name)s” dicabut: program yang memakainya ditolak mulai sekarang.",
}
