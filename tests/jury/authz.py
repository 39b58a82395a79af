"""Who may open the jury's URLs (see tests/foundation/authz.py for the format)."""

ROLES = ["anonymous", "outsider", "innovator", "verifier", "juror", "organiser"]


def only(*roles, anonymous=302, others=403, status=200):
    base = {role: others for role in ROLES}
    base["anonymous"] = anonymous
    base.update({role: status for role in roles})
    return base


def _judging():
    from sayembara.editions.models import Stage
    from sayembara.jury.demo import prepare_judging_demo

    edition = prepare_judging_demo()
    return {s.kind: s for s in Stage.objects.filter(edition=edition)}


def _academic_pair(f):
    from sayembara.jury.models import Assignment

    from sayembara.jury import blind

    stage = _judging()["proposal"]
    assignment = Assignment.objects.filter(stage=stage, juror__user=f["users"]["juror"]).order_by("entry__code").first()
    return {"stage_pk": stage.pk, "ref": blind.alias_for(stage, assignment.entry).pseudonym}


def _evidence(f):
    """An evidence file of an entry the academic juror judges in the blind proposal stage."""
    from django.core.files.base import ContentFile

    from sayembara.entries.models import Entry, Evidence, EvidenceSlot

    from sayembara.jury.models import EntryAlias

    pair = _academic_pair(f)
    entry = EntryAlias.objects.get(stage_id=pair["stage_pk"], pseudonym=pair["ref"]).entry
    slot, _ = EvidenceSlot.objects.get_or_create(edition=entry.edition, code="sk-tim", defaults={"name": "SK Tim"})
    evidence = Evidence(entry=entry, slot=slot, original_name="SK Dinas Kesehatan.pdf", content_type="application/pdf", size=8)
    evidence.file.save("sk.pdf", ContentFile(b"%PDF-1.4"), save=False)
    evidence.save()
    number = list(Evidence.objects.filter(entry=entry).order_by("slot__order", "uploaded_at", "pk")).index(evidence) + 1
    return {**pair, "number": number}


def _paper(f):
    from sayembara.jury.models import Assignment

    stage = _judging()["proposal"]
    assignment = Assignment.objects.filter(stage=stage).order_by("entry__code").first()
    return {"stage_pk": stage.pk, "juror_pk": assignment.juror_id, "entry_pk": assignment.entry_id}


def _stage(f):
    return {"stage_pk": _judging()["proposal"].pk}


def _invitation(f):
    from sayembara.jury import services

    edition = _judging()["proposal"].edition
    juror = services.invite_juror(edition, "calon.juri@example.org", "Calon Juri", "academic")
    return {"token": juror.invitation_token}


def _submitted_sheet(f):
    from sayembara.jury.models import ScoreSheet

    return {"sheet_pk": ScoreSheet.objects.filter(stage__edition=f["edition"], status="submitted").first().pk}


NOT_THEIRS = {"other_juror": 404}

CASES = [
    ("jury:invitation", _invitation, {role: 200 for role in ROLES}),
    # "other_juror" judged 2019 only: nothing of 2020 or 2026 opens for them.
    ("jury:code_of_conduct", lambda f: {"year": 2020}, only("juror") | NOT_THEIRS),
    ("jury:sheet", _academic_pair, only("juror") | NOT_THEIRS),
    ("jury:declare_conflict", _academic_pair, only("juror") | NOT_THEIRS),
    ("jury:evidence_file", _evidence, only("juror") | NOT_THEIRS),
    ("jury:live", _stage, only("juror") | NOT_THEIRS),
    # Sync takes POST only: a juror's GET is refused with 405.
    # A juror of another edition cannot post into this stage.
    ("jury:live_sync", _stage, only("juror", status=405), only("juror") | {"other_juror": 404}),
    ("jury:organise", lambda f: {"year": 2020}, only("organiser")),
    ("jury:conflicts", lambda f: {"year": 2020}, only("organiser")),
    ("jury:conflicts_csv", lambda f: {"year": 2020}, only("organiser")),
    ("jury:stage_assignment", _stage, only("organiser")),
    ("jury:stage_change", _stage, only("organiser", status=405), only("organiser")),
    ("jury:stage_progress", _stage, only("organiser")),
    ("jury:stage_masking", _stage, only("organiser")),
    ("jury:stage_schedule", _stage, only("organiser")),
    ("jury:stage_agenda", _stage, only("organiser")),
    ("jury:stage_attendance", _stage, only("organiser")),
    ("jury:paper_sheet", _paper, only("organiser")),
    ("jury:import_sheets", _stage, only("organiser")),
    ("jury:import_template", _stage, only("organiser")),
    ("jury:reopen_sheet", _submitted_sheet, only("organiser")),
]
