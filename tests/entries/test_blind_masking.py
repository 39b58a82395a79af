"""The blind masker knows the forms a maker's name takes in an Indonesian proposal."""

from types import SimpleNamespace

import pytest

from sayembara.entries.blind import MASK, Masker


def unit(name, short="", parent=None, aliases=""):
    return SimpleNamespace(name=name, short_name=short, parent=parent, aliases=aliases)


KECAMATAN = unit("Kecamatan Belik", "Belik")
DUKCAPIL = unit("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil")
BELUK = unit("Pemerintah Desa Beluk", "Beluk", parent=KECAMATAN)


def masked(text, units=(DUKCAPIL,), people=("Rina Wulandari, S.Kom.", "Joko Susilo"), emails=("rina@dukcapil.go.id",)):
    return Masker(list(units), list(people), list(emails)).mask(text).text


@pytest.mark.parametrize("text", [
    "Inovasi Dinas Kependudukan dan Pencatatan Sipil",
    "Inovasi Dinas Kependudukan & Pencatatan Sipil",
    "inovasi dinas kependudukan  dan pencatatan sipil",
    "Inovasi Disdukcapil",
    "Inovasi Dukcapil",
    "Inovasi DUKCAPIL Pemalang",
    "Layanan SIDUKCAPIL ONLINE",
    "Layanan e-Dukcapil",
    "Disusun Dinas Kependudukan tahun ini",
])
def test_the_unit_in_every_form(text):
    result = masked(text)
    assert MASK in result
    for word in ("Kependudukan dan", "Disdukcapil", "Dukcapil", "DUKCAPIL", "SIDUKCAPIL", "&"):
        assert word.lower() not in result.lower(), result


@pytest.mark.parametrize("text, gone", [
    ("Digagas oleh Bu Rina bersama Pak Joko.", ["Rina", "Joko", "Bu ", "Pak "]),
    ("Ketua tim: Ibu Rina Wulandari; anggota Bapak Joko Susilo", ["Rina", "Wulandari", "Joko", "Susilo", "Ibu", "Bapak"]),
    ("Sdr. Joko menyiapkan formulir", ["Joko", "Sdr"]),
    ("Hubungi rina@dukcapil.go.id atau 0812-3456-7890", ["rina@", "0812", "3456"]),
    ("WA +62 812 3456 7890 setiap hari", ["812 3456"]),
    ("Lihat https://dukcapil.pemalangkab.go.id/layanan", ["dukcapil"]),
])
def test_people_emails_and_phones(text, gone):
    result = masked(text)
    for fragment in gone:
        assert fragment.lower() not in result.lower(), result


def test_villages_kecamatan_and_parents_without_their_prefix():
    result = masked("Warga Desa Beluk di Kecamatan Belik, juga Beluk lama", units=(BELUK, KECAMATAN), people=())
    assert "Beluk" not in result and "Belik" not in result


def test_common_words_stay_and_distinctive_leftovers_are_reported():
    masker = Masker([unit("Dinas Kesehatan", "Dinkes")], ["Sri Agus"])
    result = masker.mask("Pelayanan kesehatan ibu dan anak oleh DINKES dan Sri")
    assert "Pelayanan kesehatan ibu dan anak" in result.text  # a health proposal keeps its words
    assert "DINKES" not in result.text and "Sri" in result.text  # a too-common first name is not masked alone
    assert "DINKES" in result.masked
    # What could not be masked (misspelt names) is reported to the organiser.
    masker = Masker([DUKCAPIL], ["Rina Wulandari"])
    typo = masker.mask("Disusun Dinas Kependudukn dan Pencatatan Sipl bersama Rina Wulandri; layanan Dukcpil")
    assert masker.leftovers(typo.text) == ["dukcpil", "kependudukn", "wulandri"]
    clean = masker.mask("Administrasi kependudukan dipermudah untuk warga")
    assert masker.leftovers(clean.text) == []


def test_the_units_own_other_names_are_masked():
    result = masked("Program Kantor Capil Keliling", units=(unit("Dinas X", "DX", aliases="Kantor Capil Keliling, KCK"),))
    assert "Capil Keliling" not in result


def test_a_common_first_name_is_masked_after_an_honorific():
    result = masked("Digagas Bu Agus dan Pak Sri; agus adalah kata umum", people=("Agus Maharani", "Sri Lestari"))
    assert "Bu Agus" not in result and "Pak Sri" not in result
    assert "agus adalah" in result  # alone, too common to mask
