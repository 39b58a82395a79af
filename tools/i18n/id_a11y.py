"""Indonesian for issue 13's phone and accessibility work: skip link, table regions, error pages."""

ID = {
    # base.html: keyboard and screen-reader users
    "Skip to content": "Langsung ke isi",
    "Table": "Tabel",
}
