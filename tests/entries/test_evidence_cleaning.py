"""Evidence that tells nothing: crafted files carrying the makers' names in every hidden channel come out clean.

Each file hides a marker (the agency's name) in one channel; the cleaned file must not contain it anywhere,
neither in its bytes nor in any object or stream once parsed.
"""

import io

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, PngImagePlugin

from sayembara.uploads import check_upload

MARKER = "DinasRahasiaPemalang"


def _xmp(marker: str) -> bytes:
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{marker}</dc:creator><dc:publisher>{marker}'
        '</dc:publisher></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def _base_pdf() -> pikepdf.Pdf:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 20 100 Td (Bukti layanan) Tj ET")
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)))
    return pdf


def _js(pdf, marker):
    return pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"app.alert('{marker}')")))


def _channel_document_info(pdf):
    pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(Author=MARKER, Creator=MARKER, Producer=MARKER))


def _channel_document_xmp(pdf):
    pdf.Root.Metadata = pdf.make_stream(_xmp(MARKER), Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)


def _channel_page_xmp(pdf):
    pdf.pages[0].obj.Metadata = pdf.make_stream(_xmp(MARKER), Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)


def _channel_piece_info(pdf):
    pdf.pages[0].obj.PieceInfo = pikepdf.Dictionary(Illustrator=pikepdf.Dictionary(Private=pikepdf.String(MARKER)))


def _channel_page_action(pdf):
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=_js(pdf, MARKER))


def _channel_open_action(pdf):
    pdf.Root.OpenAction = _js(pdf, MARKER)


def _channel_link_javascript(pdf):
    annotation = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 50, 50], A=_js(pdf, MARKER)))
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annotation]))


def _channel_launch(pdf):
    action = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String(f"C:/{MARKER}/run.exe"))
    annotation = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 50, 50], A=action))
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annotation]))


def _channel_uri(pdf):
    action = pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(f"https://{MARKER.lower()}.pemalangkab.go.id/"))
    annotation = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 50, 50], A=action))
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annotation]))


def _channel_embedded_file(pdf):
    stream = pdf.make_stream(f"lampiran dari {MARKER}".encode(), Type=pikepdf.Name.EmbeddedFile)
    spec = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("lampiran.txt"),
                                                EF=pikepdf.Dictionary(F=stream)))
    pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(Names=[pikepdf.String("lampiran.txt"), spec]))


def _channel_form_field(pdf):
    field = pdf.make_indirect(pikepdf.Dictionary(FT=pikepdf.Name.Tx, T=pikepdf.String("pejabat"), V=pikepdf.String(MARKER),
                                                 Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, Rect=[0, 0, 9, 9]))
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([field]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[field])


def _channel_image_xmp(pdf):
    image = pdf.make_stream(b"\xff\x00\x00" * 4, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=2, Height=2,
                            ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8)
    image.Metadata = pdf.make_stream(_xmp(MARKER), Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
    pdf.pages[0].obj.Resources.XObject = pikepdf.Dictionary(Im1=image)
    pdf.pages[0].obj.Contents = pdf.make_stream(b"q 20 0 0 20 10 10 cm /Im1 Do Q")


PDF_CHANNELS = [
    _channel_document_info, _channel_document_xmp, _channel_page_xmp, _channel_piece_info, _channel_page_action,
    _channel_open_action, _channel_link_javascript, _channel_launch, _channel_uri, _channel_embedded_file,
    _channel_form_field, _channel_image_xmp,
]


def _pdf_with(channel) -> bytes:
    pdf = _base_pdf()
    channel(pdf)
    out = io.BytesIO()
    pdf.save(out, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    data = out.getvalue()
    assert MARKER.encode() in data or MARKER.lower().encode() in data  # the crafted file really carries it
    return data


def _every_text_in(pdf: pikepdf.Pdf) -> str:
    texts = []
    for obj in pdf.objects:
        texts.append(repr(obj))
        if isinstance(obj, pikepdf.Stream):
            try:
                texts.append(obj.read_bytes().decode("latin-1"))
            except pikepdf.PdfError:
                texts.append(obj.read_raw_bytes().decode("latin-1"))
    texts.append(repr(pdf.trailer))
    return "\n".join(texts)


@pytest.mark.parametrize("channel", PDF_CHANNELS, ids=[c.__name__.removeprefix("_channel_") for c in PDF_CHANNELS])
def test_a_pdf_loses_every_hidden_channel_and_keeps_its_page(channel):
    cleaned = check_upload(SimpleUploadedFile("bukti.pdf", _pdf_with(channel))).content
    assert MARKER.encode() not in cleaned and MARKER.lower().encode() not in cleaned
    with pikepdf.open(io.BytesIO(cleaned)) as pdf:
        assert MARKER.lower() not in _every_text_in(pdf).lower()
        assert len(pdf.pages) == 1
        for key in ("/OpenAction", "/Names", "/AcroForm", "/Metadata", "/AA"):
            assert key not in pdf.Root
        for key in ("/Annots", "/AA", "/Metadata", "/PieceInfo"):
            assert key not in pdf.pages[0].obj
        # What the page prints is still there.
        assert b"Bukti layanan" in pdf.pages[0].Contents.read_bytes() or "/Im1" in repr(pdf.pages[0].Resources)


def test_a_password_protected_pdf_is_refused_in_indonesian():
    pdf = _base_pdf()
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(owner="a", user="b"))
    with translation.override("id"), pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("rahasia.pdf", out.getvalue()))
    assert "kata sandi" in refused.value.messages[0]


def _icc_profile(description: str) -> bytes:
    from PIL import ImageCms

    # An sRGB profile with the office's name written into it (profiles are opaque bytes to the image).
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes() + description.encode()


def test_a_jpeg_loses_exif_xmp_icc_and_its_comment():
    image = Image.new("RGB", (8, 8), "red")
    exif = Image.Exif()
    exif[0x013B] = MARKER  # Artist
    exif[0x010E] = MARKER  # ImageDescription
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=f"Bu Rina, {MARKER}, Desa Beluk".encode(),
               icc_profile=_icc_profile(MARKER), xmp=_xmp(MARKER))
    crafted = out.getvalue()
    assert crafted.count(MARKER.encode()) >= 4
    cleaned = check_upload(SimpleUploadedFile("foto.jpg", crafted))
    assert cleaned.content_type == "image/jpeg"
    assert MARKER.encode() not in cleaned.content and b"Bu Rina" not in cleaned.content
    with Image.open(io.BytesIO(cleaned.content)) as result:
        assert not {"exif", "comment", "icc_profile", "xmp"} & set(result.info)
        assert result.size == (8, 8)


def test_a_png_loses_its_text_chunks_exif_and_icc_profile_but_not_its_transparency():
    image = Image.new("RGBA", (8, 8), (255, 0, 0, 128))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", MARKER)
    info.add_itxt("Description", f"dibuat oleh {MARKER}")
    exif = Image.Exif()
    exif[0x013B] = MARKER
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=exif.tobytes(), icc_profile=_icc_profile(MARKER))
    cleaned = check_upload(SimpleUploadedFile("skema.png", out.getvalue()))
    assert MARKER.encode() not in cleaned.content
    with Image.open(io.BytesIO(cleaned.content)) as result:
        assert not {"exif", "icc_profile", "Author", "Description"} & set(result.info)
        assert result.mode == "RGBA" and result.getpixel((0, 0))[3] == 128
