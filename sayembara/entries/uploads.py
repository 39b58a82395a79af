"""Checking and cleaning uploaded evidence: the content decides the type, never the file name."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


@dataclass
class CleanFile:
    content: bytes
    content_type: str
    extension: str


def check_upload(upload) -> CleanFile:
    """Return the cleaned bytes of an uploaded PDF, JPEG or PNG, or raise ValidationError in the user's language.

    PDFs are re-written page by page so that the document information
    (author, creator, producer) and XMP metadata are dropped; images are
    re-encoded without EXIF (which can carry names and GPS positions). Blind
    jurors then see nothing the file itself did not print on its pages.
    """
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file “%(name)s” is %(size)s; the limit is %(limit)s per file. Make it smaller (scan at a lower resolution or split it) and try again.")
            % {"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file “%(name)s” is empty.") % {"name": upload.name}, code="empty")
    data = upload.read()
    if data.startswith(b"%PDF-"):
        return CleanFile(_clean_pdf(data, upload.name), "application/pdf", "pdf")
    if data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _clean_image(data, upload.name)
    raise ValidationError(
        _("The file “%(name)s” is not a PDF, JPG or PNG document (whatever its name says). Save or export it as PDF and try again.")
        % {"name": upload.name},
        code="wrong_type",
    )


def _clean_pdf(data: bytes, name: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(
                _("The PDF “%(name)s” is password-protected. Save it without a password and try again.") % {"name": name},
                code="encrypted",
            )
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        if not len(writer.pages):
            raise PdfReadError("no pages")
        # pypdf writes its own producer; keep the information dictionary empty of anything personal.
        writer.add_metadata({"/Producer": "Sayembara"})
        out = io.BytesIO()
        writer.write(out)
    except ValidationError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on broken files
        raise ValidationError(
            _("The PDF “%(name)s” could not be read; it may be damaged. Export it again and try once more.") % {"name": name},
            code="broken_pdf",
        ) from exc
    return out.getvalue()


def _clean_image(data: bytes, name: str) -> CleanFile:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
        kind = image.format
        if kind not in {"JPEG", "PNG"}:
            raise UnidentifiedImageError(kind)
        out = io.BytesIO()
        if kind == "JPEG":
            image.convert("RGB").save(out, "JPEG", quality=90)
            return CleanFile(out.getvalue(), "image/jpeg", "jpg")
        image.save(out, "PNG")
        return CleanFile(out.getvalue(), "image/png", "png")
    except Exception as exc:
        raise ValidationError(
            _("The image “%(name)s” could not be read; it may be damaged. Save it again as JPG or PNG.") % {"name": name},
            code="broken_image",
        ) from exc
