"""Who may open the entries URLs. Entry pages are tried on a draft of the demo innovator's unit (Disdukcapil)."""

ROLES = ["anonymous", "outsider", "innovator", "verifier", "juror", "organiser"]
POST_ONLY = {role: 405 for role in ROLES}


def only(*roles):
    base = {"anonymous": 302, "outsider": 403, "innovator": 403, "verifier": 403, "juror": 403, "organiser": 403}
    base.update({role: 200 for role in roles})
    return base


def _draft(f):
    from sayembara.entries import services
    from sayembara.entries.demo_open_edition import ensure_open_edition

    edition = ensure_open_edition()
    return services.create_entry(f["users"]["innovator"], edition, "Uji Hak Akses Entri")


def entry(f):
    return {"code": _draft(f).code}


def evidence_file(f):
    from django.core.files.base import ContentFile

    from sayembara.entries.models import Evidence

    draft = _draft(f)
    evidence = Evidence(entry=draft, slot=draft.edition.evidence_slots.first(), original_name="a.pdf",
                        content_type="application/pdf", size=9)
    evidence.file.save("a.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"code": draft.code, "pk": evidence.pk}


def slot(f):
    draft = _draft(f)
    return {"code": draft.code, "slot": draft.edition.evidence_slots.first().pk}


# Another unit's member and verifier do not learn that Disdukcapil's entry exists.
OTHER_UNIT_HIDDEN = {"other_unit": 404, "other_verifier": 404}
ENTRY_VIEWERS = only("innovator", "verifier", "organiser") | OTHER_UNIT_HIDDEN
MEMBERS_POST = {**only("innovator"), "other_unit": 404}
ORGANISER_POST = only("organiser")

CASES = [
    ("entries:new", None, only("innovator")),
    ("entries:organiser_list", None, only("organiser")),
    ("entries:extensions", lambda f: {"year": 2020}, only("organiser")),
    ("entries:import", lambda f: {"year": 2020}, only("organiser")),
    ("entries:import_template", lambda f: {"year": 2020}, only("organiser")),
    ("entries:publish_screening", lambda f: {"year": 2020}, POST_ONLY, ORGANISER_POST),
    # Not published yet: only the organiser sees the draft announcement.
    ("entries:announcement", lambda f: {"year": 2020}, {**{r: 404 for r in ROLES}, "organiser": 200}),
    ("entries:detail", entry, ENTRY_VIEWERS),
    ("entries:history", entry, ENTRY_VIEWERS),
    ("entries:print", entry, ENTRY_VIEWERS),
    ("entries:pdf", entry, ENTRY_VIEWERS),
    ("entries:sinovik", entry, ENTRY_VIEWERS),
    ("entries:sinovik_zip", entry, ENTRY_VIEWERS),
    ("entries:edit", entry, only("innovator") | {"other_unit": 404}),
    ("entries:evidence_download", evidence_file, ENTRY_VIEWERS),
    ("entries:evidence_upload", slot, POST_ONLY, MEMBERS_POST),
    # A published entry's evidence cannot be found for deleting, even by its unit.
    ("entries:evidence_delete", lambda f: {"code": "KIPP-2020-001", "pk": 1}, POST_ONLY, {**MEMBERS_POST, "innovator": 404}),
    ("entries:send", entry, POST_ONLY, MEMBERS_POST),
    ("entries:withdraw", entry, POST_ONLY, MEMBERS_POST),
    # Acting on another unit's entry is refused openly (403); the organiser verifies only for units without a verifier.
    ("entries:verify", entry, POST_ONLY, only("verifier") | {"other_verifier": 403}),
    ("entries:screen", entry, POST_ONLY, ORGANISER_POST),
]
