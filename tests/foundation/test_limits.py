"""Request body cap (sayembara.limits), export cells (sayembara.tabular) and rate limits (sayembara.throttle)."""

import csv
import io

import pytest
from django.core import signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import RequestFactory
from openpyxl import Workbook, load_workbook

from sayembara import throttle
from sayembara.limits import CappedInput, RequestBodyTooLarge, RequestSizeLimitMiddleware
from sayembara.tabular import append_row, safe_cell, unquote_cell, workbook_bytes, write_csv


class RecordingInput:
    """A wsgi.input that remembers how much was read from it."""

    def __init__(self, data: bytes):
        self.stream = io.BytesIO(data)
        self.read_bytes = 0

    def read(self, size=-1):
        data = self.stream.read(size)
        self.read_bytes += len(data)
        return data

    def readline(self, size=-1):
        data = self.stream.readline(size)
        self.read_bytes += len(data)
        return data


def _call(environ) -> tuple[str, dict, bytes]:
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    # As Django's test client does: no database connection handling around this request (it needs none).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(WSGIHandler()(environ, start_response))
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return seen["status"], seen["headers"], body


def test_a_body_declared_too_large_is_answered_413_without_being_read(settings):
    settings.REQUEST_MAX_BYTES = 1000
    body = RecordingInput(b"x" * 5000)
    environ = RequestFactory()._base_environ(
        PATH_INFO="/", REQUEST_METHOD="POST", CONTENT_TYPE="multipart/form-data; boundary=x",
        CONTENT_LENGTH="300000000", **{"wsgi.input": body},
    )
    status, headers, page = _call(environ)
    assert status.startswith("413") and body.read_bytes == 0
    assert headers["Content-Language"] == "id" and b'lang="id"' in page and b"request-too-large" in page


def test_the_413_page_speaks_english_when_chosen_and_is_a_fragment_for_htmx(client, settings):
    settings.REQUEST_MAX_BYTES = 1000
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.generic("POST", "/", b"x", content_type="application/octet-stream",
                              CONTENT_LENGTH="300000000")
    page = response.content.decode()
    assert response.status_code == 413 and response["Content-Language"] == "en"
    assert "Content-Security-Policy" in response.headers  # the security headers still apply
    assert "The file is too large" in page and "1000" in page.replace(".", "").replace(",", "")
    fragment = client.generic("POST", "/", b"x", content_type="application/octet-stream",
                              CONTENT_LENGTH="300000000", HTTP_HX_REQUEST="true")
    assert fragment.status_code == 413 and fragment.content.decode().startswith('<p class="errorlist" role="alert"')


def test_the_default_cap_is_the_file_limit_plus_a_margin(settings):
    assert settings.REQUEST_MAX_BYTES > settings.UPLOAD_MAX_BYTES
    # Early: before anything that could read the body (sessions, CSRF, the views).
    position = settings.MIDDLEWARE.index("sayembara.limits.RequestSizeLimitMiddleware")
    assert position < settings.MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware")
    assert position < settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")


def test_a_body_without_length_cannot_be_read_beyond_the_cap(settings):
    settings.REQUEST_MAX_BYTES = 100
    request = RequestFactory().post("/", data=b"y" * 500, content_type="application/octet-stream")
    del request.META["CONTENT_LENGTH"]  # as for a chunked body
    request.META["wsgi.input"] = RecordingInput(b"y" * 500)

    def view(request):
        return request.META["wsgi.input"].read()

    with pytest.raises(RequestBodyTooLarge):
        RequestSizeLimitMiddleware(view)(request)
    assert request.META["wsgi.input"].stream.read_bytes <= 101


def test_capped_input_passes_a_body_within_the_cap():
    capped = CappedInput(io.BytesIO(b"a\nbb\nccc"), 8)
    assert list(capped) == [b"a\n", b"bb\n", b"ccc"]
    capped = CappedInput(io.BytesIO(b"0123456789"), 9)
    assert capped.read(4) == b"0123"
    with pytest.raises(RequestBodyTooLarge):
        capped.read()


# --- Export cells -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value,expected", [
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'), ("@SUM(1)", "'@SUM(1)"), ("-2+3", "'-2+3"),
    ("+62 812", "'+62 812"), ("\tTAB", "'\tTAB"), ("\rCR", "'\rCR"), ("Inovasi biasa", "Inovasi biasa"),
    ("", ""), (None, None), (-2, -2), (-2.5, -2.5), (0, 0), (True, True),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_safe_cell_keeps_decimals_and_neutralises_lazy_text():
    from decimal import Decimal

    from django.utils.translation import gettext_lazy

    assert safe_cell(Decimal("-1.5")) == Decimal("-1.5")
    assert safe_cell(gettext_lazy("-note")) == "'-note"
    assert unquote_cell(safe_cell("-2+3")) == "-2+3" and unquote_cell("'biasa") == "'biasa"


def test_csv_and_xlsx_writers_neutralise_text_and_keep_numbers():
    rows = [["judul", "nilai"], ['=HYPERLINK("http://x")', -2], ["@SUM(1)", -2.5], ["-2+3", 3]]
    text = write_csv(rows, bom=True)
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]))) == [
        ["judul", "nilai"], ['\'=HYPERLINK("http://x")', "-2"], ["'@SUM(1)", "-2.5"], ["'-2+3", "3"]]
    book = Workbook()
    for row in rows + [["bel\x07l", None]]:
        append_row(book.active, row)
    sheet = load_workbook(io.BytesIO(workbook_bytes(book))).active
    cells = list(sheet.iter_rows(min_row=2))
    assert [c[0].value for c in cells] == ['\'=HYPERLINK("http://x")', "'@SUM(1)", "'-2+3", "bell"]
    assert all(c[0].data_type == "s" for c in cells)
    assert [c[1].value for c in cells[:3]] == [-2, -2.5, 3] and all(c[1].data_type == "n" for c in cells[:3])


# --- Rate limits ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("proxies,forwarded,expected", [
    (0, "203.0.113.5", "10.0.0.1"),  # no proxy trusted: the header is the client's own writing
    (1, "203.0.113.5", "203.0.113.5"),
    (1, "192.0.2.1, 203.0.113.5", "203.0.113.5"),  # a forged left part is ignored
    (2, "192.0.2.1, 203.0.113.5, 198.51.100.2", "203.0.113.5"),
    (2, "203.0.113.5", "10.0.0.1"),  # fewer hops than proxies: not trusted
    (1, "not-an-address", "10.0.0.1"),
    (1, "", "10.0.0.1"),
    (1, "2001:db8::1", "2001:db8::1"),
])
def test_client_ip(settings, proxies, forwarded, expected):
    settings.PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert throttle.client_ip(request) == expected


def test_hit_counts_posts_only_per_scope_and_address():
    cache.clear()
    factory = RequestFactory()
    post = factory.post("/", REMOTE_ADDR="198.51.100.1")
    assert [throttle.hit(post, "uji", 2, 60) for _ in range(4)] == [True, True, False, False]
    assert all(throttle.hit(factory.get("/", REMOTE_ADDR="198.51.100.1"), "uji", 2, 60) for _ in range(5))
    assert throttle.hit(post, "lain", 2, 60)  # another scope
    assert throttle.hit(factory.post("/", REMOTE_ADDR="198.51.100.2"), "uji", 2, 60)  # another address
    assert throttle.hit(post, "uji", 0, 60)  # 0 switches the limit off
    cache.clear()


@pytest.mark.django_db
def test_limit_posts_decorator_answers_429(rf, demo_users):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    cache.clear()

    @throttle.limit_posts("daftar", lambda: 1, 3600)
    def view(request):
        return HttpResponse("ok")

    def request():
        r = rf.post("/", REMOTE_ADDR="198.51.100.3")
        r.user = AnonymousUser()
        return r

    assert view(request()).status_code == 200
    refused = view(request())
    assert refused.status_code == 429 and refused["Retry-After"] == "3600"
    assert 'data-testid="rate-limited"' in refused.content.decode()
    cache.clear()
