"""Error pages in the app's style, in Indonesian (English on request; both on the 500 page), with a way back."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from sayembara.error_views import server_error

pytestmark = pytest.mark.urls("tests.foundation.error_urls")


def _page(response):
    html = response.content.decode()
    assert 'data-testid="error-page"' in html, html[:500]
    assert 'data-testid="error-home"' in html and 'href="/"' in html
    return html


@pytest.mark.django_db
def test_404_is_the_apps_page_in_indonesian(client):
    response = client.get("/editions/1999/")
    assert response.status_code == 404
    html = _page(response)
    assert '<html lang="id">' in html and "Halaman tidak ditemukan" in html and "Kembali ke beranda" in html
    assert 'class="site-nav"' in html  # the menu is there: the visitor can go on


@pytest.mark.django_db
def test_404_in_english_on_request(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = _page(client.get("/no-such-page/"))
    assert '<html lang="en">' in html and "Page not found" in html and "Back to the home page" in html


@pytest.mark.django_db
def test_403_is_the_apps_page_in_indonesian(client_as):
    response = client_as("innovator").get("/test-errors/403/")
    assert response.status_code == 403
    html = _page(response)
    assert "Akses ditolak" in html and "Kesalahan 403" in html


@pytest.mark.django_db
def test_400_is_the_apps_page_in_indonesian(client):
    response = Client(raise_request_exception=False).get("/test-errors/400/")
    assert response.status_code == 400
    assert "Permintaan tidak dapat dipahami" in _page(response)


@pytest.mark.django_db
def test_a_wrong_host_gets_the_400_page(client):
    response = Client().get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    _page(response)


@pytest.mark.django_db
def test_500_shows_indonesian_then_english_with_a_way_home():
    response = Client(raise_request_exception=False).get("/test-errors/500/")
    assert response.status_code == 500
    html = _page(response)
    assert "Terjadi kesalahan di sisi kami" in html and "Kembali ke beranda" in html
    assert 'lang="en"' in html and "Something went wrong on our side" in html and "Back to the home page" in html
    assert html.index("Terjadi kesalahan") < html.index("Something went wrong")
    assert "a bug" not in html  # nothing of the error itself


def test_500_needs_neither_the_database_nor_the_request():
    # No django_db mark: any query would fail this test.
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = _page(response)
    assert "sayembara/app.css" in html


def test_500_falls_back_to_plain_text_when_its_template_fails(settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [], "APP_DIRS": False}]
    response = server_error(RequestFactory().get("/"), template_name="missing-500.html")
    assert response.status_code == 500
    assert "Terjadi kesalahan" in response.content.decode() and "Something went wrong" in response.content.decode()


@pytest.mark.django_db
def test_a_refused_form_says_what_to_do():
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))  # the CSRF cookie is set, but the form's token is missing
    response = client.post(reverse("accounts:login"), {"username": "panitia@pemalang.demo", "password": "x"},
                           HTTP_REFERER="http://testserver/accounts/login/")
    assert response.status_code == 403
    html = _page(response)
    assert "Formulir tidak dapat dikirim" in html
    assert "Muat ulang halaman lalu kirim lagi; data yang sudah tersimpan tidak hilang." in html
    assert 'href="http://testserver/accounts/login/" data-testid="error-back"' in html  # back to the form


@pytest.mark.django_db
def test_a_refused_form_without_the_cookie_asks_for_cookies():
    client = Client(enforce_csrf_checks=True)  # never opened a page: no CSRF cookie
    response = client.post(reverse("accounts:login"), {"username": "a@b.c", "password": "x"})
    assert response.status_code == 403
    html = _page(response)
    assert "cookie" in html
