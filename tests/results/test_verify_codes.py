"""Certificate codes and fingerprints verify however they are typed: spaces, hyphens, any case."""

import pytest
from django.urls import reverse

from sayembara.results.models import Certificate
from sayembara.results.views import normalise_code

pytestmark = pytest.mark.django_db


def test_codes_are_normalised():
    assert normalise_code(" ab12-cd34 ef56 ") == "AB12CD34EF56"
    assert normalise_code("AB12 – CD34—EF56") == "AB12CD34EF56"
    assert normalise_code("ab12_cd34.ef56") == "AB12CD34EF56"
    assert normalise_code("") == ""


@pytest.mark.parametrize("typed", [
    "{a}-{b}-{c}", "{a} {b} {c}", "{lower}", " {a}{b} - {c} ", "{a}\u2013{b}\u2013{c}",
])
def test_a_certificate_code_typed_with_hyphens_or_spaces_verifies(client_as, edition_2020, typed):
    certificate = Certificate.objects.filter(edition=edition_2020, kind="winner").first()
    code = certificate.code
    query = typed.format(a=code[:4], b=code[4:8], c=code[8:], lower=code.lower())
    response = client_as("anonymous").get(reverse("results:verify"), {"q": query})
    assert response.status_code == 302, query
    assert response["Location"] == reverse("results:certificate", args=[code])


def test_a_fingerprint_typed_in_groups_verifies_and_a_wrong_code_does_not(client_as, edition_2020):
    sha = edition_2020.publication.sha256
    grouped = " ".join(sha[i:i + 8] for i in range(0, len(sha), 8)).upper()
    response = client_as("anonymous").get(reverse("results:verify"), {"q": grouped})
    assert response["Location"] == reverse("results:public", args=[2020])
    for wrong in ["ABCD-EF00-0000", "- - -"]:
        page = client_as("anonymous").get(reverse("results:verify"), {"q": wrong})
        assert page.status_code == 200 and 'role="alert"' in page.content.decode()
