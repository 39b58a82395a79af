"""Every URL of the site, tried by every role, with GET and with POST, on another unit's and another juror's objects.

New URLs fail ``test_every_url_has_a_case`` until their app's ``tests/<app>/authz.py`` says who may open them.
A case is ``(url name, kwargs factory, GET expectations[, POST expectations])``. The extra people (see
``EXTRA_ROLES`` in conftest) get what their base role gets unless the case names them. A POST by someone
refused on GET is refused the same way (or with 405); POST-only URLs state their POST expectations.
"""

import importlib
import pkgutil
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .conftest import ALL_ROLES, EXTRA_ROLES, ROLES

TESTS_DIR = Path(__file__).parent
REFUSED = {302, 403, 404}


def _all_cases():
    cases = []
    for module_info in pkgutil.iter_modules([str(TESTS_DIR)]):
        if module_info.ispkg and (TESTS_DIR / module_info.name / "authz.py").exists():
            module = importlib.import_module(f"tests.{module_info.name}.authz")
            cases.extend(module.CASES)
    return cases


CASES = _all_cases()


def _with_extras(expected: dict) -> dict:
    full = dict(expected)
    for extra, like in EXTRA_ROLES.items():
        full.setdefault(extra, expected[like])
    return full


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
    covered = {case[0] for case in CASES}
    missing = sorted(set(_url_names()) - covered)
    assert not missing, f"URLs without an authorization case: {missing}"


def test_every_case_names_every_role_and_post_only_urls_say_who_may_post():
    for case in CASES:
        name, _, expected = case[:3]
        assert set(ROLES) <= set(expected) <= set(ALL_ROLES), f"{name} does not say what every role gets"
        if 405 in expected.values() and name != "accounts:logout":
            assert len(case) == 4, f"{name} is POST-only for someone: say who may POST"


def _expected_post(case) -> dict:
    name, _, expected = case[:3]
    if len(case) == 4:
        return _with_extras(case[3])
    return _with_extras(expected)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_role_matrix(case, client_as, demo_users, edition_2020):
    name, kwargs_factory, expected = case[:3]
    fixtures = {"users": demo_users, "edition": edition_2020}
    url = reverse(name, kwargs=kwargs_factory(fixtures) if kwargs_factory else None)
    expected = _with_extras(expected)
    clients = {role: client_as(role) for role in ALL_ROLES}
    got = {}
    for role in ALL_ROLES:
        response = clients[role].get(url)
        got[role] = response.status_code
        if response.status_code == 302 and expected[role] == 302 and role == "anonymous":
            assert "/accounts/login/" in response["Location"] or name in {"set_language"}, (name, response["Location"])
    assert got == expected, f"GET {name} ({url})"

    # POST with an empty body: whoever is refused on GET is refused on POST too (or told the URL takes no POST),
    # whoever may use the URL is not refused, and nobody gets a 500.
    post_expected = _expected_post(case)
    wrong = {}
    for role in ALL_ROLES:
        response = clients[role].post(url, {})
        status, want = response.status_code, post_expected[role]
        if want in REFUSED:
            fine = status in {want, 405}
            if fine and status == 302 and role == "anonymous":
                fine = "/accounts/login/" in response["Location"] or name == "set_language"
        elif want == 405:
            fine = status == 405
        else:
            fine = status < 500 and status not in {403, 404} and not (
                status == 302 and "/accounts/login/" in response.get("Location", ""))
        if not fine:
            wrong[role] = (status, want)
    assert not wrong, f"POST {name} ({url}): role -> (got, expected) {wrong}"


def test_admin_is_staff_only(client_as):
    assert client_as("anonymous").get("/admin/").status_code == 302
    assert client_as("innovator").get("/admin/").status_code == 302
    assert client_as("stranger").get("/admin/").status_code == 302
    assert client_as("organiser").get("/admin/").status_code == 200
