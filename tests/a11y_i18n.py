"""Whether the Indonesian for issue 13's new strings (tools/i18n/id_a11y.py) is in the compiled catalogues yet.

Translations are merged into the .po/.mo files separately from the branch that adds the strings. Until they
are, a test that reads those strings in Indonesian is an expected failure (``xfail(strict=True)``): the moment
the catalogues carry them, the test must pass, and a test that then still fails is a real failure.
"""

import runpy
from pathlib import Path

import pytest

ID = runpy.run_path(str(Path(__file__).resolve().parents[1] / "tools" / "i18n" / "id_a11y.py"))["ID"]


def merged(*msgids: str) -> bool:
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("id"):
        return all(gettext(m.replace("%%", "%")) == ID[m].replace("%%", "%") for m in msgids)


def needs_indonesian(*msgids: str):
    """Mark a test that reads these new strings in Indonesian."""
    return pytest.mark.xfail(
        not merged(*msgids), strict=True,
        reason="the Indonesian of tools/i18n/id_a11y.py is not in the catalogues yet (makemessages + tools/translate.py)")
