"""Blind review against the attack review's findings: list order, the window before the stage opens, and the
masker's Indonesian variants."""

import re

import pytest
from django.test import Client

from sayembara.editions.models import Stage
from sayembara.entries.blind import masker_for
from sayembara.entries.models import Entry
from sayembara.jury.models import EntryAlias
from sayembara.registry import services as registry

pytestmark = pytest.mark.django_db


def _login(user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


# --- 1. Ordering: blind list in public entry-number order --------------------------------------------
def test_blind_dashboard_and_live_order_is_not_public_number_order(judging, jurors):
    stage = judging["proposal"]
    juror = jurors["akademisi"] if "akademisi" in jurors else list(jurors.values())[0]
    c = _login(juror.user)
    page = c.get("/jury/").content.decode()
    section = page.split(f'data-testid="stage-{stage.pk}"')[1].split("</section>")[0]
    shown = re.findall(rf"/jury/stage/{stage.pk}/entry/(\w+)/", section)
    by_alias = {a.pseudonym: a.entry.code for a in EntryAlias.objects.filter(stage=stage).select_related("entry")}
    codes = [by_alias[p] for p in shown]
    live = c.get(f"/jury/stage/{stage.pk}/live/").content.decode()
    live_codes = [by_alias[p] for p in re.findall(r'data-entry="(\w+)"', live)]
    assert len(codes) > 2
    assert codes != sorted(codes), f"dashboard lists blind entries in public number order: {codes}"
    assert live_codes != sorted(live_codes), f"live page lists blind entries in public number order: {live_codes}"


# --- 2. Window before the blind stage opens: titles public with their units; jurors see the same title --------
def test_titles_are_not_public_with_units_before_the_blind_stage_opens(judging, jurors):
    stage = judging["proposal"]
    stage.status = Stage.Status.PLANNED
    stage.save(update_fields=["status"])
    registry.refresh_records()
    public = Client()
    entry = Entry.objects.get(code="KIPP-2026-001")
    edition_page = public.get(f"/editions/{stage.edition.year}/").content.decode()
    reg = public.get(f"/registry/{entry.innovation_id}/")
    title_head = entry.title.split(":")[0]
    leaks = []
    if title_head in edition_page and entry.institution.name in edition_page:
        leaks.append("edition page lists the title with its unit")
    if reg.status_code == 200 and entry.institution.name in reg.content.decode():
        leaks.append(f"registry /registry/{entry.innovation_id}/ shows the title with its unit (indexed, feeds)")
    # ... then the stage opens and the juror reads the very same title
    stage.status = Stage.Status.OPEN
    stage.save(update_fields=["status"])
    alias = EntryAlias.objects.filter(stage=stage, entry=entry).first()
    from sayembara.jury.blind import alias_for
    alias = alias_for(stage, entry)
    assert not (leaks and alias.title == entry.title), leaks + [f"juror sees identical title {alias.title!r}"]


# --- 3. Masker misses --------------------------------------------------------------------------------------
@pytest.mark.parametrize("code,text,needle", [
    ("KIPP-2026-001", "Tim D I S D U K C A P I L Pemalang", "D I S D U K C A P I L"),
    ("KIPP-2026-001", "Inovasi Duk\u00adcapil Pemalang", "capil"),          # soft hyphen from Word
    ("KIPP-2026-001", "Inovasi Dis\u200bdukcapil", "dukcapil"),              # zero-width space
    ("KIPP-2026-001", "Kependudukan dan Pencatatan Sipil Kab. Pemalang", "Pencatatan Sipil"),
    ("KIPP-2026-001", "Hubungi kantor (0284) 321456", "321456"),
    ("KIPP-2026-001", "Hubungi 0284-321456", "321456"),
    ("KIPP-2026-008", "RSUD M. Ashari melayani", "Ashari"),
    ("KIPP-2026-008", "RS Ashari melayani", "Ashari"),
    ("KIPP-2026-003", "Dinas PMPTSP Pemalang", "PMPTSP"),
    ("KIPP-2026-005", "Dinas LH Kabupaten Pemalang", "Dinas LH"),
    ("KIPP-2026-009", "Hj. Nur dan tim", "Nur"),
])
def test_masker_variant(judging, code, text, needle):
    out = masker_for(Entry.objects.get(code=code)).mask(text).text
    assert needle.lower() not in out.lower(), f"{text!r} -> {out!r}"
