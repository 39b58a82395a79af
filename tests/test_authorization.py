"""Every URL of the site, tried by every role.

New URLs fail ``test_every_url_has_a_case`` until their app's ``tests/<app>/authz.py`` says who may open them.
"""

import importlib
import pkgutil
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .conftest import ROLES

TESTS_DIR = Path(__file__).parent


def _all_cases():
    cases = []
    for module_info in pkgutil.iter_modules([str(TESTS_DIR)]):
        if module_info.ispkg and (TESTS_DIR / module_info.name / "authz.py").exists():
            module = importlib.import_module(f"tests.{module_info.name}.authz")
            cases.extend(module.CASES)
    return cases


CASES = _all_cases()


def _url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue  # Django's admin guards itself (staff only); see test_admin_is_staff_only.
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_has_a_case():
    covered = {name for name, _, _ in CASES}
    missing = sorted(set(_url_names()) - covered)
    assert not missing, f"URLs without an authorization case: {missing}"


def test_every_case_names_every_role():
    for name, _, expected in CASES:
        assert set(expected) == set(ROLES), f"{name} does not say what every role gets"


@pytest.mark.parametrize("name,kwargs_factory,expected", CASES, ids=[c[0] for c in CASES])
def test_role_matrix(name, kwargs_factory, expected, client_as, demo_users, edition_2020):
    fixtures = {"users": demo_users, "edition": edition_2020}
    url = reverse(name, kwargs=kwargs_factory(fixtures) if kwargs_factory else None)
    got = {}
    for role in ROLES:
        response = client_as(role).get(url)
        got[role] = response.status_code
        if response.status_code == 302 and expected[role] == 302 and role == "anonymous":
            assert "/accounts/login/" in response["Location"] or name in {"set_language"}, (name, response["Location"])
    assert got == expected, f"{name} ({url})"


def test_admin_is_staff_only(client_as):
    assert client_as("anonymous").get("/admin/").status_code == 302
    assert client_as("innovator").get("/admin/").status_code == 302
    assert client_as("organiser").get("/admin/").status_code == 200
