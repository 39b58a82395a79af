"""Fill Indonesian translations into the .po catalogues and compile them.

    python tools/translate.py TRANSLATIONS.py   # a file defining ID = {"English msgid": "Indonesian", ...}
    python tools/translate.py --check           # list untranslated or fuzzy messages, exit 1 if any

Each app keeps its own catalogue in ``sayembara/<app>/locale`` so that apps
can be translated independently; ``sayembara/locale`` holds the shared
templates' strings.
"""

import runpy
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]


def catalogues():
    return sorted(ROOT.glob("sayembara/**/locale/id/LC_MESSAGES/django.po"))


def fill(translations: dict[str, str]) -> None:
    for path in catalogues():
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid in translations and (not entry.msgstr or entry.fuzzy):
                entry.msgstr = translations[entry.msgid]
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: translations[entry.msgid]}
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
        po.metadata["Language"] = "id"
        po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
        po.save()
        po.save_as_mofile(str(path.with_suffix(".mo")))


def untranslated() -> list[tuple[Path, str]]:
    missing = []
    for path in catalogues():
        po = polib.pofile(str(path))
        missing += [(path, e.msgid) for e in po if not e.obsolete and (e.fuzzy or not (e.msgstr or e.msgstr_plural.get(0)))]
    return missing


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        missing = untranslated()
        for path, msgid in missing:
            print(f"{path.relative_to(ROOT)}: {msgid!r}")
        sys.exit(1 if missing else 0)
    fill(runpy.run_path(sys.argv[1])["ID"])
    left = untranslated()
    print(f"{len(left)} messages still untranslated")
    for path, msgid in left:
        print(f"  {path.relative_to(ROOT)}: {msgid!r}")
