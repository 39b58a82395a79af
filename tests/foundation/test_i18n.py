"""The Indonesian catalogue is complete and compiled; dates and numbers read the Indonesian way."""

import datetime as dt
import sys
from pathlib import Path

import polib
from django.utils import translation
from django.utils.formats import date_format, number_format

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translate  # noqa: E402


def test_every_message_has_an_indonesian_translation():
    missing = translate.untranslated()
    assert not missing, "untranslated: " + ", ".join(f"{p.parent.parent.parent.parent.name}: {m!r}" for p, m in missing[:20])


def test_compiled_catalogues_match_their_sources():
    """A .po edited without recompiling would show English to users; run tools/translate.py to compile."""
    for path in translate.catalogues():
        po = polib.pofile(str(path))
        mo = {e.msgid: e.msgstr for e in polib.mofile(str(path.with_suffix(".mo")))}
        for entry in po:
            if entry.obsolete or entry.msgid_plural:
                continue
            assert mo.get(entry.msgid) == entry.msgstr, f"{path}: {entry.msgid!r} is stale in the .mo file"


def test_a_page_string_is_served_in_indonesian_by_default_and_english_on_request():
    from django.utils.translation import gettext

    with translation.override("id"):
        assert gettext("Winners") == "Pemenang"
    with translation.override("en"):
        assert gettext("Winners") == "Winners"


def test_dates_and_numbers_in_indonesian_format():
    with translation.override("id"):
        assert date_format(dt.date(2020, 12, 17), "j F Y") == "17 Desember 2020"
        assert number_format(1234567.5, decimal_pos=1, force_grouping=True) == "1.234.567,5"
