"""A blind stage that holds: crawl everything a juror (and the public) can reach while the 2026 proposal stage is
open and blind, and look for any page, PDF or file that ties an entry to its makers.

For each entry of the stage, the identifying strings are written here independently of the masker: the unit's
names and its parents', village names, team members' names (whole and first names), the creator's name and
e-mail. A page that shows an entry (its pseudonym, its public number, or its title) must not show any of them;
a juror never sees a public entry number at all.
"""

import html
import io
import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pikepdf
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from pypdf import PdfReader

from sayembara.entries.models import Entry, Evidence, EvidenceSlot
from sayembara.jury.models import Juror
from sayembara.registry import services as registry
from sayembara.uploads import check_upload

pytestmark = pytest.mark.django_db
SKIP = ("/accounts/logout", "/i18n/", "/static/", "/admin/", "/jsi18n/")
LIMIT = 400


def _identifying(entry: Entry) -> set[str]:
    names = set()
    unit = entry.institution
    while unit is not None:
        names |= {unit.name, unit.short_name}
        for prefix in ("Pemerintah Desa ", "Kecamatan "):
            if unit.name.startswith(prefix):
                names.add(unit.name[len(prefix):])
        unit = unit.parent
    if entry.institution.short_name == "Disdukcapil":
        names |= {"Dukcapil", "Dinas Kependudukan"}
    for member in entry.team.all():
        names.add(member.name)
        first = member.name.split()[0]
        if len(first) >= 4:
            names.add(first)
    if entry.created_by:
        names |= {entry.created_by.full_name, entry.created_by.email}
    return {n for n in names if n and len(n) >= 4}


def _mentions(text: str, term: str) -> bool:
    return re.search(rf"(?<![\w@.]){re.escape(term)}(?![\w@])", text, re.IGNORECASE) is not None


def _text_of(response) -> tuple[str, list[str]]:
    """What a person could read in a response, and the same-site links in it."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    disposition = response.get("Content-Disposition", "")
    if "html" in kind:
        page = content.decode()
        links = re.findall(r'(?:href|action|src|data-sync-url)="([^"]+)"', page)
        return html.unescape(page) + disposition, [html.unescape(link) for link in links]
    if "pdf" in kind:
        text = content.decode("latin-1")
        try:
            text += "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)
        except Exception:  # noqa: BLE001 - the raw bytes are checked anyway
            pass
        with pikepdf.open(io.BytesIO(content)) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream):
                    try:
                        text += obj.read_bytes().decode("latin-1")
                    except pikepdf.PdfError:
                        pass
        return text + disposition, []
    return content.decode("latin-1") + disposition, []


def crawl(client: Client, start: list[str]) -> list[tuple[str, str]]:
    seen, queue, pages = set(), deque(start), []
    while queue and len(seen) < LIMIT:
        url = urldefrag(queue.popleft())[0]
        parsed = urlparse(url)
        if parsed.netloc not in ("", "testserver") or not parsed.path.startswith("/") or url in seen:
            continue
        if any(parsed.path.startswith(prefix) for prefix in SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            continue
        text, links = _text_of(response)
        pages.append((url, text))
        queue.extend(links)
    return pages


def _leaks(pages, entries, aliases, forbid_codes: bool) -> list[str]:
    """Where an entry is shown with a name of its makers: anywhere on a page that shows only that entry, and in
    the same list item, table row or section on a page that lists several (the dashboard lists other years'
    entries too, whose own units may be named)."""
    found = []
    for url, text in pages:
        markers = {e.pk: [e.code, e.title, *aliases.get(e.pk, [])] for e in entries}
        shown = [e for e in entries if any(m and m in text for m in markers[e.pk])]
        for entry in entries:
            if forbid_codes and entry.code in text:
                found.append(f"{url} shows the public number {entry.code}")
        if len(shown) == 1:
            scopes = {shown[0].pk: [text]}
        else:
            parts = re.split(r"<(?:li|tr|section|article)\b", text)
            scopes = {e.pk: [p for p in parts if any(m and m in p for m in markers[e.pk])] for e in shown}
        for entry in shown:
            for scope in scopes[entry.pk]:
                for term in _identifying(entry):
                    if _mentions(scope, term):
                        found.append(f"{url} shows {entry.code} with {term!r}")
    return found


@pytest.fixture
def blind_stage(judging):
    """The demo's open blind proposal stage, with crafted evidence whose hidden parts name the makers, and the
    registry as it stands once the stage's opening has been committed."""
    stage = judging["proposal"]
    entries = list(Entry.objects.filter(edition=judging["edition"]).select_related("institution__parent", "created_by")
                   .prefetch_related("team"))
    slot, _ = EvidenceSlot.objects.get_or_create(edition=judging["edition"], code="sk_tim", defaults={"name": "SK Tim"})
    for entry in entries[:4]:
        makers = sorted(_identifying(entry))
        pdf = pikepdf.new()
        pdf.add_blank_page(page_size=(200, 200))
        pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(Author=makers[0], Creator=" / ".join(makers)))
        pdf.Root.Metadata = pdf.make_stream(f"<x:xmpmeta><dc:publisher>{makers[-1]}</dc:publisher></x:xmpmeta>".encode())
        raw = io.BytesIO()
        pdf.save(raw)
        image = Image.new("RGB", (16, 16), "white")
        jpeg = io.BytesIO()
        image.save(jpeg, "JPEG", comment=", ".join(makers).encode())
        for name, data in ((f"SK {makers[0]}.pdf", raw.getvalue()), (f"foto {makers[0]}.jpg", jpeg.getvalue())):
            clean = check_upload(SimpleUploadedFile(name, data))
            evidence = Evidence(entry=entry, slot=slot, original_name=name, content_type=clean.content_type,
                                size=len(clean.content))
            evidence.file.save(clean.named(name), ContentFile(clean.content), save=True)
    # What the stage's opening commits in production (the tests' transaction never commits): the registry hides
    # the innovations under blind judging.
    registry.refresh_records()
    return stage, entries


def test_no_juror_of_the_open_blind_stage_can_tie_an_entry_to_its_makers(blind_stage):
    stage, entries = blind_stage
    from sayembara.jury.models import EntryAlias

    checked = 0
    for juror in Juror.objects.filter(edition=stage.edition).select_related("user"):
        client = Client()
        client.force_login(juror.user, backend="django.contrib.auth.backends.ModelBackend")
        pages = crawl(client, ["/jury/"])
        aliases = {}
        for alias in EntryAlias.objects.filter(stage=stage):
            aliases.setdefault(alias.entry_id, []).append(alias.pseudonym)
        assert len(pages) > 15, [url for url, _ in pages]
        assert any("/evidence/" in url for url, _ in pages), "the crawl reached no evidence file"
        leaks = _leaks(pages, entries, aliases, forbid_codes=True)
        assert not leaks, "\n".join(leaks[:20])
        # The proposal texts did name their makers: they were masked, not absent.
        assert any("▒▒▒" in text for url, text in pages if "/entry/" in url)
        checked += 1
    assert checked == 3


def test_the_public_cannot_tie_the_stages_entries_to_their_makers(blind_stage):
    stage, entries = blind_stage
    client = Client()
    start = ["/", "/editions/", f"/editions/{stage.edition.year}/", f"/editions/{stage.edition.year}/screening/",
             "/registry/", "/registry/feed/rss/", "/registry/feed/atom/", "/insights/call/"]
    for entry in entries:
        start += [f"/registry/{entry.innovation_id}/"]
        start += [f"/registry/?q={word}" for word in re.findall(r"\w{5,}", entry.title)[:3]]
    pages = crawl(client, start)
    assert len(pages) > 20
    leaks = _leaks(pages, entries, {}, forbid_codes=False)
    assert not leaks, "\n".join(leaks[:20])
    # The innovations under blind judging are not in the registry while the stage is open.
    for entry in entries:
        assert client.get(f"/registry/{entry.innovation_id}/").status_code == 404
