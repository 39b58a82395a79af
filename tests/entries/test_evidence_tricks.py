"""Evidence cleaning against the tricks of the blind-review attack: hidden text in places a key list forgets."""

import io

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sayembara.uploads import check_upload

SECRET = "DISDUKCAPIL-RINA-MARLINA"


def _pdf(mutate):
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    mutate(pdf)
    raw = io.BytesIO(); pdf.save(raw, compress_streams=False); return raw.getvalue()


def _cleaned(data):
    return check_upload(SimpleUploadedFile("x.pdf", data)).content


def _pagelabels(pdf):
    pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Dictionary(S=pikepdf.Name.D, P=pikepdf.String(SECRET))]))

def _custom_catalog_key(pdf):
    pdf.Root["/PrivateAuthor"] = pikepdf.String(SECRET)

def _pages_node(pdf):
    pdf.Root.Pages["/PieceInfo"] = pikepdf.Dictionary(App=pikepdf.Dictionary(Private=pikepdf.String(SECRET)))

def _font_metadata(pdf):
    meta = pdf.make_stream(f"<x:xmpmeta><dc:creator>{SECRET}</dc:creator></x:xmpmeta>".encode())
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica, Metadata=meta)
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))

def _oc_properties_in_resources(pdf):
    ocg = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String(SECRET)))
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(Properties=pikepdf.Dictionary(MC0=ocg))

def _annots_in_form_xobject(pdf):
    annot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Contents=pikepdf.String(SECRET), Rect=[0, 0, 10, 10]))
    form = pdf.make_stream(b"", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 10, 10], Annots=pikepdf.Array([annot]))
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))

def _names_js_on_page(pdf):
    js = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"app.alert('{SECRET}')")))
    pdf.pages[0].obj["/Names"] = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("a"), js])))

def _actualtext_in_content(pdf):
    pdf.pages[0].obj.Contents = pdf.make_stream(f"/Span <</ActualText ({SECRET})>> BDC EMC\n% {SECRET}\n".encode())

def _page_custom_key(pdf):
    pdf.pages[0].obj["/Title"] = pikepdf.String(SECRET)


@pytest.mark.parametrize("mutate", [_pagelabels, _custom_catalog_key, _pages_node, _font_metadata, _oc_properties_in_resources,
                                    _annots_in_form_xobject, _names_js_on_page, _actualtext_in_content, _page_custom_key])
def test_cleaned_pdf_keeps_no_hidden_maker_name(mutate):
    data = _pdf(mutate)
    assert SECRET.encode() in data
    cleaned = _cleaned(data)
    text = cleaned
    with pikepdf.open(io.BytesIO(cleaned)) as out:
        for obj in out.objects:
            if isinstance(obj, pikepdf.Stream):
                text += obj.read_bytes()
    assert SECRET.encode() not in text, f"{mutate.__name__} survives cleaning"


def test_a_real_document_keeps_its_text_pages_and_images():
    """What the pages draw survives: text with its fonts, a second page, an image."""
    from PIL import Image
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(picture, "PNG")
    raw = io.BytesIO()
    page = canvas.Canvas(raw, pagesize=A4)
    page.setAuthor(SECRET)
    page.drawString(72, 720, "Surat pernyataan implementasi inovasi")
    page.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 72, 600, 40, 40)
    page.showPage()
    page.drawString(72, 720, "Halaman kedua")
    page.save()
    cleaned = check_upload(SimpleUploadedFile("bukti.pdf", raw.getvalue())).content
    reader = PdfReader(io.BytesIO(cleaned))
    assert len(reader.pages) == 2
    assert "Surat pernyataan implementasi inovasi" in reader.pages[0].extract_text()
    assert "Halaman kedua" in reader.pages[1].extract_text()
    assert list(reader.pages[0].images) and SECRET.encode() not in cleaned


def test_a_page_size_inherited_from_the_page_tree_is_kept():
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 400))
    del pdf.pages[0].obj["/MediaBox"]
    pdf.Root.Pages.MediaBox = pikepdf.Array([0, 0, 300, 400])
    pdf.Root.Pages["/PieceInfo"] = pikepdf.Dictionary(App=pikepdf.Dictionary(Private=pikepdf.String(SECRET)))
    raw = io.BytesIO()
    pdf.save(raw)
    with pikepdf.open(io.BytesIO(_cleaned(raw.getvalue()))) as out:
        assert [float(v) for v in out.pages[0].obj.MediaBox] == [0, 0, 300, 400]
        assert "/MediaBox" not in out.Root.Pages and "/PieceInfo" not in out.Root.Pages
