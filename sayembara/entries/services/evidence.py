"""The files attached to an entry as evidence: checked and cleaned on the way in."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile

from sayembara.audit.trail import acting_as
from sayembara.uploads import check_upload

from ..models import Entry, Evidence, EvidenceSlot
from .access import require_editable


def attach_evidence(entry: Entry, slot: EvidenceSlot, upload, user) -> Evidence:
    """Check, clean and store one file. Raises ValidationError with a message for the user."""
    require_editable(entry, user)
    if slot.edition_id != entry.edition_id:
        raise PermissionDenied
    clean = check_upload(upload, slot.kinds)
    original = (upload.name or "file").rsplit("/", 1)[-1][:200]
    stem = original.rsplit(".", 1)[0] if "." in original else original
    evidence = Evidence(
        entry=entry, slot=slot, original_name=f"{stem}.{clean.extension}", content_type=clean.content_type,
        size=len(clean.content), uploaded_by=user,
    )
    with acting_as(user):
        evidence.file.save(f"upload.{clean.extension}", ContentFile(clean.content), save=False)
        evidence.save()
    return evidence


def remove_evidence(evidence: Evidence, user) -> None:
    require_editable(evidence.entry, user)
    with acting_as(user):
        evidence.file.delete(save=False)
        evidence.delete()
