"""Checking uploaded files by their content, never by their name: one checker for every upload of the site.

- Evidence (entries' evidence slots, the registry's follow-up evidence): PDF,
  JPEG or PNG only (a slot may narrow this, e.g. photos: JPEG or PNG),
  re-written without metadata (:func:`check_upload`).
- Spreadsheet imports (entries, paper score sheets): a real OOXML workbook
  (zip) that openpyxl opens, within size limits (:func:`workbook_rows`).

Every refusal is a ``ValidationError`` whose message is in the user's language.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

EVIDENCE_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
# What each kind of evidence slot takes (EvidenceSlot.Accepts), by content.
KINDS_BY_SLOT = {
    "documents": frozenset({"pdf", "jpg", "png"}),
    "images": frozenset({"jpg", "png"}),
    "pdf": frozenset({"pdf"}),
}
_EXTENSIONS = {"pdf": ".pdf", "jpg": ".jpg,.jpeg", "png": ".png"}


def accept_attribute(kinds) -> str:
    """An ``accept`` attribute for a file input taking ``kinds`` (e.g. {"jpg", "png"})."""
    order = [k for k in ("pdf", "jpg", "png") if k in kinds]
    return ",".join([_EXTENSIONS[k] for k in order] + [EVIDENCE_TYPES[k] for k in order])


@dataclass
class CleanFile:
    content: bytes
    content_type: str
    extension: str

    def named(self, original_name: str) -> str:
        """The uploaded name with the extension its content deserves (``scan.html`` that is a PDF → ``scan.pdf``)."""
        original = (original_name or "file").replace("\\", "/").rsplit("/", 1)[-1][:200]
        stem = original.rsplit(".", 1)[0] if "." in original else original
        return f"{stem or 'file'}.{self.extension}"


def _name(upload) -> str:
    return (getattr(upload, "name", None) or _("file")).replace("\\", "/").rsplit("/", 1)[-1]


def _read_within_limit(upload, limit: int | None = None) -> bytes:
    """The bytes of the upload, refused (without reading it all) when larger than ``limit`` or empty."""
    limit = settings.UPLOAD_MAX_BYTES if limit is None else limit
    name = _name(upload)
    size = getattr(upload, "size", None)
    if size is None or size <= limit:
        if hasattr(upload, "seek"):
            upload.seek(0)
        data = upload.read(limit + 1)
        size = len(data)
    if size > limit:
        raise ValidationError(
            _("The file “%(name)s” is %(size)s; the limit is %(limit)s per file. Make it smaller (scan at a lower resolution or split it) and try again.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("The file “%(name)s” is empty.") % {"name": name}, code="empty")
    return data


# --- Evidence: PDF, JPEG, PNG ---------------------------------------------------------------------


def _kind_of(data: bytes) -> str | None:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    return None


def _wrong_kind(name: str, kinds) -> ValidationError:
    if kinds == KINDS_BY_SLOT["images"]:
        message = _("The file “%(name)s” is not a photo: this slot takes JPG or PNG images only (whatever its name "
                    "says). Choose a photo, or put the document in the slot it belongs to.")
    elif kinds == KINDS_BY_SLOT["pdf"]:
        message = _("The file “%(name)s” is not a PDF: this slot takes PDF documents only (whatever its name says). "
                    "Save or export it as PDF and try again.")
    else:
        message = _("The file “%(name)s” is not a PDF, JPG or PNG document (whatever its name says). Save or export "
                    "it as PDF and try again.")
    return ValidationError(message % {"name": name}, code="wrong_type")


def check_upload(upload, kinds=KINDS_BY_SLOT["documents"]) -> CleanFile:
    """Return the cleaned bytes of an uploaded PDF, JPEG or PNG, or raise ValidationError in the user's language.

    ``kinds`` narrows what is taken (an evidence slot for photos takes {"jpg", "png"}); the kind is read from the
    content, never from the name.

    PDFs are re-written page by page so that the document information
    (author, creator, producer) and XMP metadata are dropped; images are
    re-encoded without EXIF (which can carry names and GPS positions). Blind
    jurors then see nothing the file itself did not print on its pages.
    Images larger than ``UPLOAD_MAX_PIXELS`` are refused from their header,
    before any pixel is decoded.
    """
    name = _name(upload)
    data = _read_within_limit(upload)
    kind = _kind_of(data)
    if kind is None or kind not in kinds:
        raise _wrong_kind(name, frozenset(kinds))
    if kind == "pdf":
        return CleanFile(_clean_pdf(data, name), EVIDENCE_TYPES["pdf"], "pdf")
    return _clean_image(data, name)


check_evidence = check_upload


# A PDF is rebuilt keeping only what its pages draw. Dictionaries keep only the keys named here (whatever a
# producer adds under another name is dropped); everything else reachable loses the keys that carry metadata,
# private data, scripts, actions, files, forms or annotations.
_KEEP_CATALOG = {"/Type", "/Pages"}
_KEEP_PAGES_NODE = {"/Type", "/Kids", "/Count", "/Parent"}
_KEEP_PAGE = {"/Type", "/Parent", "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox", "/Rotate", "/Resources",
              "/Contents", "/UserUnit", "/Group"}
_KEEP_RESOURCES = {"/Font", "/XObject", "/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/ProcSet"}
_DROP_ANYWHERE = {"/Metadata", "/PieceInfo", "/AA", "/OpenAction", "/JS", "/JavaScript", "/Names", "/Annots",
                  "/AcroForm", "/URI", "/Launch", "/EmbeddedFiles", "/LastModified", "/OC", "/OPI", "/ActualText",
                  "/Alt", "/StructParent", "/StructParents", "/Properties"}
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
# Marked-content operators carry property lists (/ActualText, optional-content names); drawing does not need them.
_MARKED_CONTENT = {"BDC", "BMC", "EMC", "MP", "DP"}


def _scrub(obj, seen: set) -> None:
    """Drop the keys that carry hidden data from ``obj`` and everything it reaches (fonts, images, forms...)."""
    import pikepdf

    if isinstance(obj, pikepdf.Array):
        for item in obj:
            _scrub(item, seen)
        return
    if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        return
    if obj.is_indirect:
        if obj.objgen in seen:
            return
        seen.add(obj.objgen)
    for key in list(obj.keys()):
        if key in _DROP_ANYWHERE or (key == "/Name" and obj.get("/Type") in ("/OCG", "/OCMD")):
            del obj[key]
    resources = obj.get("/Resources")
    if isinstance(resources, pikepdf.Dictionary):
        for key in list(resources.keys()):
            if key not in _KEEP_RESOURCES:
                del resources[key]
    if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form":
        _normalise_content(obj)
    for key in list(obj.keys()):
        if key not in ("/Parent", "/P"):
            _scrub(obj[key], seen)


def _normalise_content(stream) -> None:
    """Rewrite a content stream without comments or marked-content property lists (they can hold any text)."""
    import pikepdf

    operations = [op for op in pikepdf.parse_content_stream(stream) if str(op.operator) not in _MARKED_CONTENT]
    stream.write(pikepdf.unparse_content_stream(operations))


def _clean_pdf(data: bytes, name: str) -> bytes:
    """Rewrite a PDF keeping only what its pages draw.

    pikepdf (qpdf) is used rather than pypdf because qpdf writes only the
    objects still reachable once the references are cut: embedded files,
    scripts and metadata that nothing points to any more are gone from the
    file, not merely hidden, and it copes with the damaged PDFs that scanners
    and office suites produce. Dictionaries keep only known keys, so what a
    producer stores under a name of its own does not survive either.
    """
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if not len(pdf.pages):
                raise ValueError("no pages")
            seen: set = set()
            for page in pdf.pages:
                # Attributes a page inherits from the page tree are written on the page, so the tree can be bare.
                for key in _INHERITED:
                    node, value = page.obj.get("/Parent"), None
                    while key not in page.obj and node is not None and value is None:
                        value = node.get(key)
                        node = node.get("/Parent")
                    if value is not None:
                        page.obj[key] = value
                for key in list(page.obj.keys()):
                    if key not in _KEEP_PAGE:
                        del page.obj[key]
                if "/Contents" in page.obj:
                    page.contents_coalesce()
                    _normalise_content(page.obj.Contents)
                _scrub(page.obj, seen)
            root = pdf.Root
            for key in list(root.keys()):
                if key not in _KEEP_CATALOG:
                    del root[key]
            nodes = [root.Pages]
            while nodes:
                node = nodes.pop()
                for key in list(node.keys()):
                    if key not in _KEEP_PAGES_NODE:
                        del node[key]
                nodes.extend(kid for kid in node.get("/Kids", []) if kid.get("/Type") == "/Pages")
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            out = io.BytesIO()
            # Fresh document IDs, no object streams to hide leftovers in, nothing unreachable written.
            pdf.save(out, static_id=False, deterministic_id=False, fix_metadata_version=False,
                     object_stream_mode=pikepdf.ObjectStreamMode.disable, recompress_flate=False)
    except pikepdf.PasswordError as exc:
        raise ValidationError(
            _("The PDF “%(name)s” is password-protected. Save it without a password and try again.") % {"name": name},
            code="encrypted",
        ) from exc
    except Exception as exc:  # qpdf raises many kinds of errors on broken files
        raise ValidationError(
            _("The PDF “%(name)s” could not be read; it may be damaged. Export it again and try once more.") % {"name": name},
            code="broken_pdf",
        ) from exc
    return out.getvalue()


def _too_many_pixels(name: str, size: tuple[int, int] | None, limit: int) -> ValidationError:
    megapixels = number_format(limit / 1_000_000, decimal_pos=0 if limit % 1_000_000 == 0 else 1)
    if size:
        message = _(
            "The image “%(name)s” is %(width)s × %(height)s pixels; the limit is %(megapixels)s million pixels. "
            "Save it at a smaller size (for example 4000 × 3000 pixels) and try again."
        ) % {"name": name, "width": size[0], "height": size[1], "megapixels": megapixels}
    else:
        message = _(
            "The image “%(name)s” has too many pixels; the limit is %(megapixels)s million pixels. "
            "Save it at a smaller size (for example 4000 × 3000 pixels) and try again."
        ) % {"name": name, "megapixels": megapixels}
    return ValidationError(message, code="too_many_pixels")


def _image_size(data: bytes) -> tuple[int, int]:
    """Width and height from the JPEG or PNG header alone: no pixel is decoded, nothing large is allocated."""
    from PIL import JpegImagePlugin, PngImagePlugin

    plugin = JpegImagePlugin.JpegImageFile if data.startswith(b"\xff\xd8\xff") else PngImagePlugin.PngImageFile
    with plugin(io.BytesIO(data)) as header:
        return header.size


def _clean_image(data: bytes, name: str) -> CleanFile:
    from PIL import Image

    limit = settings.UPLOAD_MAX_PIXELS
    # Pillow's own guard, for any image opened anywhere in the process: a warning above the limit (an error
    # here), an error at twice the limit. Both become the same clear refusal.
    Image.MAX_IMAGE_PIXELS = limit
    broken = ValidationError(
        _("The image “%(name)s” could not be read; it may be damaged. Save it again as JPG or PNG.") % {"name": name},
        code="broken_image",
    )
    try:
        width, height = _image_size(data)
    except Exception as exc:  # not even a readable header
        raise broken from exc
    if width * height > limit:
        raise _too_many_pixels(name, (width, height), limit)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format
                if kind not in {"JPEG", "MPO", "PNG"}:  # MPO: a phone's JPEG with extra views; the first is kept
                    raise broken
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                out = io.BytesIO()
                # Only the pixels are kept: a fresh image carries no EXIF, XMP, ICC profile (whose name can
                # be an office's), JPEG comment or PNG text chunk, which Pillow would otherwise copy over.
                if kind in {"JPEG", "MPO"}:
                    pixels = image.convert("RGB")
                    clean = Image.frombytes("RGB", pixels.size, pixels.tobytes())
                    clean.save(out, "JPEG", quality=90)
                    return CleanFile(out.getvalue(), EVIDENCE_TYPES["jpg"], "jpg")
                pixels = image.convert("RGBA" if image.mode in {"P", "PA", "LA", "RGBA"} or "transparency" in image.info else "RGB")
                clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
                clean.save(out, "PNG")
                return CleanFile(out.getvalue(), EVIDENCE_TYPES["png"], "png")
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_many_pixels(name, None, limit) from exc
        except Exception as exc:  # Pillow raises many kinds of errors on broken files
            raise broken from exc


# --- Spreadsheets: .xlsx ----------------------------------------------------------------------------


def _not_a_workbook(name: str) -> ValidationError:
    return ValidationError(
        _("The file “%(name)s” is not an Excel workbook (.xlsx), whatever its name says. Open it in a spreadsheet "
          "program, save it as “Excel Workbook (.xlsx)” and try again.") % {"name": name},
        code="not_a_workbook",
    )


def check_workbook(upload) -> io.BytesIO:
    """Check that the upload is a real .xlsx (an OOXML zip package) within the size limits; return its bytes.

    Refused: anything larger than ``UPLOAD_MAX_BYTES``; anything that is not a
    zip with an OOXML ``[Content_Types].xml``; old .xls and password-protected
    workbooks (OLE containers); packages that would unpack to more than
    ``UPLOAD_MAX_UNPACKED_BYTES`` (zip bombs).
    """
    name = _name(upload)
    data = _read_within_limit(upload)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ValidationError(
            _("The file “%(name)s” is an old Excel file (.xls) or a password-protected workbook. Save it as “Excel "
              "Workbook (.xlsx)” without a password and try again.") % {"name": name},
            code="old_or_encrypted_workbook",
        )
    if not data.startswith(b"PK\x03\x04"):
        raise _not_a_workbook(name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            names = {m.filename for m in members}
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
                raise _not_a_workbook(name)
            unpacked = sum(m.file_size for m in members)
    except ValidationError:
        raise
    except Exception as exc:  # zipfile.BadZipFile, truncated files, ...
        raise _not_a_workbook(name) from exc
    limit = settings.UPLOAD_MAX_UNPACKED_BYTES
    if unpacked > limit:
        raise ValidationError(
            _("The workbook “%(name)s” unpacks to %(size)s; the limit is %(limit)s. Split it into smaller workbooks "
              "and import them one by one.") % {"name": name, "size": filesizeformat(unpacked), "limit": filesizeformat(limit)},
            code="too_large_unpacked",
        )
    return io.BytesIO(data)


def workbook_rows(upload) -> list[tuple]:
    """The rows (values only) of the active sheet of an uploaded .xlsx, after :func:`check_workbook`.

    Raises ValidationError in the user's language when the file is refused or
    openpyxl cannot read it.
    """
    from openpyxl import load_workbook

    name = _name(upload)
    data = check_workbook(upload)
    try:
        workbook = load_workbook(data, read_only=True, data_only=True)
        try:
            sheet = workbook.active
            if sheet is None:
                return []
            return list(sheet.iter_rows(values_only=True))
        finally:
            workbook.close()
    except Exception as exc:  # openpyxl raises many kinds of errors on a damaged package
        raise _not_a_workbook(name) from exc


def stored_file_response(stored, content_type: str, filename: str, *, as_attachment: bool):
    """A checked file from storage, served as itself to whoever was let through: never sniffed, never cached."""
    from django.http import FileResponse, Http404

    try:
        handle = stored.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=content_type, as_attachment=as_attachment, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
