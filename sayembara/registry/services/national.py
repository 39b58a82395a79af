"""An innovation beyond the regency: its Indeks Inovasi Daerah profile and evidence, and what became of it in the
provincial contest, SINOVIK or the IGA (``registry.iid`` says which guideline)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from sayembara.audit.trail import acting_as
from sayembara.uploads import check_upload

from ..models import IidEvidence, IidProfile, NationalOutcome


def save_iid_profile(form, innovation, by) -> IidProfile:
    with transaction.atomic(), acting_as(by):
        profile = form.save(commit=False)
        profile.innovation = innovation
        profile.save()
    return profile


def attach_iid_evidence(innovation, indicator: str, upload, by) -> IidEvidence:
    """Check the file by its content, clean it (metadata dropped) and store it. Raises ValidationError in words."""
    clean = check_upload(upload)
    original = (upload.name or "file").rsplit("/", 1)[-1][:200]
    stem = original.rsplit(".", 1)[0] if "." in original else original
    evidence = IidEvidence(innovation=innovation, indicator=indicator, original_name=f"{stem}.{clean.extension}",
                           content_type=clean.content_type, size=len(clean.content), uploaded_by=by)
    with transaction.atomic(), acting_as(by):
        evidence.file.save(f"upload.{clean.extension}", ContentFile(clean.content), save=False)
        evidence.save()
    return evidence


def remove_iid_evidence(evidence: IidEvidence, by) -> None:
    with transaction.atomic(), acting_as(by):
        evidence.file.delete(save=False)
        evidence.delete()


def record_outcome(form, innovation, by) -> NationalOutcome:
    with transaction.atomic(), acting_as(by):
        outcome = form.save(commit=False)
        outcome.innovation = innovation
        outcome.recorded_by = by
        outcome.save()
    return outcome


def remove_outcome(outcome: NationalOutcome, by) -> None:
    with transaction.atomic(), acting_as(by):
        outcome.delete()
