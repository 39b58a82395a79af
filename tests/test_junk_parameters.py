"""Junk parameters never give a server error.

Every URL of the site (admin aside) is opened as the organiser, a juror and an
innovator with its real arguments (the factories of each app's ``authz.py``),
then:

(a) GET with junk query parameters: every name a view reads (grepped from the
    code) plus common ones, all at once with each junk value, then one at a
    time for the names the view actually looked up;
(b) POST with the same junk as form fields (one at a time too, over a valid
    base for the views that read more once an action is chosen), and with JSON
    bodies of the wrong shape;
(c) GET and POST with arguments that do not exist (year 1900, pk 999999,
    code "NOPE").

Any 5xx fails, listing the URL, the role, the parameters and the exception.
The names a view looks up are recorded while it runs (reads of a ``QueryDict``
are watched), so names read in helpers and forms are swept one by one too.
A NUL character that reaches the database fails as it would on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
from pathlib import Path

import pytest
from django import forms
from django.db import connection
from django.http import HttpRequest, QueryDict
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils.datastructures import MultiValueDict

from .jury.authz import _judging
from .test_authorization import CASES, _url_names

ROLES = ["organiser", "juror", "innovator"]
SOURCE = Path(__file__).resolve().parent.parent / "sayembara"

JUNK_VALUES = ["abc", "-1", "99999999999999999999", "1.5", "%00", "\x00", "<script>", "", "NaN", ["1", "abc"]]
# One name at a time, the values most likely to break parsing (NUL is refused before any view: one try is enough;
# decimals, markup and the like are tried in every name at once).
SHARP_VALUES = ["abc", "-1", "99999999999999999999", "", ["1", "abc"]]
COMMON_NAMES = ["page", "stage", "juror", "year", "status", "q", "category", "method", "kind", "entry", "round", "format",
                "version", "action", "next", "votes-abc", "votes-99999999999999999999", "votes-1"]


def _grepped_names() -> set[str]:
    """Every literal parameter name read from ``request.GET`` or ``request.POST`` in the project's code."""
    pattern = re.compile(r"request\.(?:GET|POST)(?:\.get|\.getlist|\.pop)?[\[(]\s*[\"']([\w\-]+)[\"']")
    names = set()
    for path in SOURCE.rglob("*.py"):
        names.update(pattern.findall(path.read_text(encoding="utf-8")))
    return names


NAMES = sorted(set(COMMON_NAMES) | _grepped_names())

WRONG_JSON = [
    "[1, 2]", '"text"', "42", "null", "{", "[" * 5000, '{"key": "k-0123456789", "entry": 1, "version": 0, "values": [1]}',
    '{"key": {"a": 1}, "entry": [1], "values": {"x": NaN}, "version": "v"}',
    '{"key": "k-0123456789", "entry": 99999999999999999999, "version": 1e400, "values": {"1": 1e400}}',
    '{"key": "' + "k" * 65 + '", "entry": true, "version": -1, "values": {"1": true}, "justifications": 3}',
]

# URLs whose interesting variants are not the one the authorization matrix opens: other documents, an edition
# with no results yet (2026 in judging, 2027 open), and the organiser's pages of entries from 2018-2020.
EXTRA_KWARGS = {
    "results:document": [{"year": 2020, "kind": k} for k in ("recap.pdf", "recap.xlsx", "decree.pdf")]
    + [{"year": y, "kind": k} for y in (2026, 2027) for k in ("recap.pdf", "recap.xlsx", "minutes.pdf", "decree.pdf")],
    "results:documents": [{"year": 2026}, {"year": 2027}],
    "results:manage": [{"year": 2026}],
    "results:settings": [{"year": 2026}],
    "results:awards": [{"year": 2026}],
    "results:public": [{"year": 2026}],
    "results:objections": [{"year": 2026}],
    "results:stage": [{"year": 2026, "order": 1}],
    "results:juror_sheets": [lambda f: {"year": 2026, "juror_id": _juror_2026(f)}],
    "results:explain": [{"year": 2026, "code": "KIPP-2026-001"}],
    "results:published_file": [{"year": 2026, "name": "scores.csv"}],
    "results:entry_paper": [{"year": 2026, "code": "KIPP-2026-001", "kind": k} for k in ("feedback.pdf", "certificate.pdf")],
    "entries:detail": [{"code": "KIPP-2018-001"}, {"code": "KIPP-2019-001"}, {"code": "KIPP-2020-001"}],
    "entries:history": [{"code": "KIPP-2020-001"}],
}


def _prepare_editions(kwargs_list: list[dict]) -> None:
    """The test database holds 2018-2020; 2026 (judging) and 2027 (open) are built by the demo's helpers when used."""
    years = {kw.get("year") for kw in kwargs_list} | {int(kw["code"][5:9]) for kw in kwargs_list if "code" in kw
                                                        and re.fullmatch(r"KIPP-\d{4}-\d+", str(kw["code"]))}
    if 2026 in years:
        _judging()
    if 2027 in years:
        from sayembara.entries.demo_open_edition import ensure_open_edition

        ensure_open_edition()


def _juror_2026(f):
    from sayembara.jury.models import Juror

    _judging()
    return Juror.objects.filter(edition__year=2026).order_by("pk").first().pk


def _stage_change_bases(f):
    """Adding or removing a juror reads the juror and the entry: sweep them over a valid action."""
    from sayembara.jury.models import Assignment

    stage = _judging()["proposal"]
    assignment = Assignment.objects.filter(stage=stage).order_by("pk").first()
    pair = {"juror": str(assignment.juror_id), "entry": assignment.entry.code}
    return [{"action": "add", **pair}, {"action": "remove", **pair}]


def _jury_votes_bases(f):
    return [{f"votes-{f['edition'].entries.order_by('code').first().pk}": "3"}]


def _sheet_bases(f):
    return [{"action": "draft", "version": "0"}, {"action": "submit", "version": "1"}]


# Valid POST data that takes a view past its first branch; each name is then swept with junk over it.
BASE_POST = {
    "jury:stage_change": _stage_change_bases,
    "results:jury_votes": _jury_votes_bases,
    "results:compute": lambda f: [{"stage": "1"}],
    "jury:sheet": _sheet_bases,
    "jury:paper_sheet": _sheet_bases,
    "jury:organise": lambda f: [{"action": "detect"}],
    "jury:code_of_conduct": lambda f: [{"agree": "yes"}],
}


# Copying or iterating a QueryDict reads every key: only a lookup by name counts as "the view reads it". Only the
# dictionary that holds the junk counts (request.POST on a POST, request.GET on a GET), so it must not be empty.
_BULK_READERS = {"django.utils.datastructures", "django.http.request"}


class _Watch:
    """Records the names looked up in a ``QueryDict``, and whether the body was read, while a request runs."""

    seen: set[str] | None = None
    body_read = False

    @classmethod
    @contextlib.contextmanager
    def installed(cls, monkeypatch):
        for method in ("get", "getlist", "__getitem__", "__contains__", "pop"):
            original = getattr(MultiValueDict, method)

            def wrapper(self, key, *args, _original=original, **kwargs):
                if (cls.seen is not None and isinstance(self, QueryDict) and len(self) and isinstance(key, str)
                        and sys._getframe(1).f_globals.get("__name__") not in _BULK_READERS):
                    cls.seen.add(key)
                return _original(self, key, *args, **kwargs)

            monkeypatch.setattr(MultiValueDict, method, wrapper)
        body = HttpRequest.body

        def read_body(request):
            if not sys._getframe(1).f_globals.get("__name__", "").startswith("django."):
                cls.body_read = True
            return body.fget(request)

        monkeypatch.setattr(HttpRequest, "body", property(read_body))
        yield


def _refuse_nul(execute, sql, params, many, context):
    """PostgreSQL refuses strings holding NUL; SQLite stores them. Fail here as PostgreSQL would."""
    rows = params if many else [params]
    for row in rows or []:
        for value in (row.values() if isinstance(row, dict) else row or []):
            if isinstance(value, str) and "\x00" in value:
                raise ValueError("A string literal cannot contain NUL (0x00) characters.")
    return execute(sql, params, many, context)


def _missing_kwargs(kwargs: dict) -> list[dict]:
    """One variant per argument, with that argument replaced by one that names nothing."""
    variants = []
    for name, value in kwargs.items():
        replacement = 1900 if name == "year" else 999999 if isinstance(value, int) else "NOPE"
        variants.append({**kwargs, name: replacement})
    return variants


def _describe(data) -> str:
    text = repr(data)
    return text if len(text) < 90 else text[:90] + "…"


class Sweep:
    def __init__(self, clients):
        self.clients = clients
        self.failures: list[str] = []

    def request(self, role, method, url, data=None, content_type=None):
        client = self.clients[role]
        _Watch.seen, _Watch.body_read = set(), False
        try:
            if method == "get":
                response = client.get(url, data or {})
            elif content_type:
                response = client.post(url, data, content_type=content_type)
            else:
                response = client.post(url, data or {})
        finally:
            seen, _Watch.seen = _Watch.seen, None
        if response.status_code >= 500:
            exc = getattr(response, "exc_info", None)
            cause = f" ({exc[0].__name__}: {exc[1]})" if exc else ""
            what = f"JSON {_describe(data)}" if content_type else _describe(data or {})
            self.failures.append(f"{response.status_code} {method.upper()} {url} as {role} with {what}{cause}")
        return response, seen

    def method(self, role, method, url, base: dict, reachable: bool):
        """Junk in every name at once, then, for the names the view looked up, in one name at a time."""
        seen = set()
        for value in JUNK_VALUES if reachable else JUNK_VALUES[:1]:
            _response, more = self.request(role, method, url, {**{name: value for name in NAMES}, **base})
            seen |= more
            if not seen and value == JUNK_VALUES[0]:
                # The view reads no parameter at all: other junk cannot matter (NUL is refused before any view).
                self.request(role, method, url, {**{name: "\x00" for name in NAMES}, **base})
                break
        if not reachable:
            return
        for name in sorted(seen | set(base)):
            for value in SHARP_VALUES:
                self.request(role, method, url, {**base, name: value})

    def url(self, role, url, bases: list[dict]):
        got, _seen = self.request(role, "get", url)
        posted, _seen = self.request(role, "post", url)
        # Refused (403), hidden (404) or the wrong method (405): the view never reads the junk; anything else it may.
        reachable = {"get": got.status_code not in REFUSED, "post": posted.status_code not in REFUSED}
        self.method(role, "get", url, {}, reachable["get"])
        for base in [{}, *bases] if reachable["post"] else [{}]:
            self.method(role, "post", url, base, reachable["post"])
        _response, _seen = self.request(role, "post", url, WRONG_JSON[0], content_type="application/json")
        if _Watch.body_read:
            for body in WRONG_JSON[1:]:
                self.request(role, "post", url, body, content_type="application/json")

    def missing(self, role, url):
        self.request(role, "get", url)
        self.request(role, "post", url, {name: "1" for name in NAMES})


REFUSED = {403, 404, 405}
URL_NAMES = sorted(set(_url_names()))
FACTORIES = {case[0]: case[1] for case in CASES}


@pytest.mark.parametrize("name", URL_NAMES)
def test_no_junk_parameter_gives_a_server_error(name, demo_users, edition_2020, monkeypatch):
    fixtures = {"users": demo_users, "edition": edition_2020}
    factory = FACTORIES[name]
    kwargs_list = [factory(fixtures) if factory else {}]
    extras = EXTRA_KWARGS.get(name, [])
    _prepare_editions([extra for extra in extras if not callable(extra)])
    kwargs_list += [extra(fixtures) if callable(extra) else extra for extra in extras]
    bases = BASE_POST[name](fixtures) if name in BASE_POST else []
    clients = {}
    for role in ROLES:
        clients[role] = Client(raise_request_exception=False)
        clients[role].force_login(demo_users[role], backend="django.contrib.auth.backends.ModelBackend")
    sweep = Sweep(clients)
    # Thousands of refused requests would each be logged with a traceback: the failures list says what matters.
    monkeypatch.setattr(logging.getLogger("django.request"), "disabled", True)
    with _Watch.installed(monkeypatch), connection.execute_wrapper(_refuse_nul):
        for kwargs in kwargs_list:
            url = reverse(name, kwargs=kwargs or None)
            for role in ROLES:
                if name == "accounts:logout":
                    clients[role].force_login(demo_users[role], backend="django.contrib.auth.backends.ModelBackend")
                sweep.url(role, url, bases)
        for missing in _missing_kwargs(kwargs_list[0]):
            try:
                url = reverse(name, kwargs=missing)
            except NoReverseMatch:
                continue
            for role in ROLES:
                sweep.missing(role, url)
    assert not sweep.failures, f"{len(sweep.failures)} server errors:\n" + "\n".join(sweep.failures[:40])


# --- The 500s the sweep found, each with what is answered now ------------------------------------------------


def _english(client):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.parametrize("year", [2018, 2019, 2020])
def test_organiser_entry_pages_of_editions_without_entry_settings(client_as, year):
    # No EntrySettings row: the unsaved default once held an int, and the eligibility check called int.normalize().
    from sayembara.entries.models import Entry

    organiser = client_as("organiser")
    for entry in Entry.objects.filter(edition__year=year).order_by("code")[:3]:
        assert organiser.get(reverse("entries:detail", kwargs={"code": entry.code})).status_code == 200


@pytest.mark.parametrize("stage", ["abc", "1.5", "-1", "99999999999999999999", "9"])
def test_a_recap_of_a_stage_that_is_not_one_is_404(client_as, stage):
    url = reverse("results:document", kwargs={"year": 2020, "kind": "recap.pdf"})
    assert client_as("organiser").get(url, {"stage": stage}).status_code == 404
    assert client_as("organiser").post(reverse("results:compute", kwargs={"year": 2020}), {"stage": stage}).status_code == 404


@pytest.mark.parametrize("votes", [{"votes-abc": "3"}, {"votes-99999999999999999999": "3"}, {"votes-": "3"},
                                   {"votes-{pk}": "99999999999999999999"}, {"votes-{pk}": "-1"},
                                   {"votes-{pk}": "2", "votes-{other}": "2"}])
def test_jury_votes_of_the_wrong_shape_save_nothing_and_say_why(client_as, votes):
    from sayembara.entries.models import Entry
    from sayembara.results.models import JuryVote

    entry = Entry.objects.filter(edition__year=2020).order_by("code").first()
    other = Entry.objects.filter(edition__year=2019).order_by("code").first()
    data = {k.format(pk=entry.pk, other=other.pk): v for k, v in votes.items()}
    client = _english(client_as("organiser"))
    response = client.post(reverse("results:jury_votes", kwargs={"year": 2020}), data, follow=True)
    assert response.status_code == 200
    assert "nothing was saved" in response.content.decode()
    assert not JuryVote.objects.exists()


def test_documents_of_an_edition_without_results_yet_say_so(client_as, demo_users):
    _judging()  # 2026: judging has started, no sheet submitted
    client = _english(client_as("organiser"))
    for kind in ("recap.pdf", "recap.xlsx", "minutes.pdf"):
        response = client.get(reverse("results:document", kwargs={"year": 2026, "kind": kind}), follow=True)
        assert response.redirect_chain[-1][0] == reverse("results:documents", kwargs={"year": 2026})
        assert "no submitted score sheets to rank yet" in response.content.decode()
    paper = reverse("results:entry_paper", kwargs={"year": 2026, "code": "KIPP-2026-001", "kind": "feedback.pdf"})
    assert client.get(paper).status_code == 404


def test_a_juror_that_is_not_one_is_refused_with_a_message(client_as):
    stage = _judging()["proposal"]
    client = _english(client_as("organiser"))
    url = reverse("jury:stage_change", kwargs={"stage_pk": stage.pk})
    for juror in ("abc", "", "99999999999999999999", "1.5"):
        response = client.post(url, {"action": "add", "juror": juror, "entry": "KIPP-2026-001"}, follow=True)
        assert response.status_code == 200 and "Choose a juror of this edition." in response.content.decode()


@pytest.mark.parametrize("where", ["registry:search", "results:verify", "entries:organiser_list", "audit:trail"])
def test_a_nul_character_is_refused_before_any_view(client_as, where):
    response = _english(client_as("organiser")).get(reverse(where), {"q": "pelayanan\x00"})
    assert response.status_code == 400 and "NUL" in response.content.decode()


def test_a_nul_character_in_a_form_is_refused(client_as):
    from sayembara.results.models import Objection

    objection = Objection.objects.filter(edition__year=2020).first()
    url = reverse("results:objection_answer", kwargs={"year": 2020, "pk": objection.pk})
    assert client_as("organiser").post(url, {"answer": "Jawaban\x00"}).status_code == 400


@pytest.mark.parametrize("name", ["year", "institution"])
def test_registry_filters_beyond_the_database_range_are_no_filter(client_as, name):
    assert client_as("innovator").get(reverse("registry:search"), {name: "99999999999999999999"}).status_code == 200


def test_multiple_choices_beyond_the_database_range_are_invalid_choices(db):
    from sayembara.editions.models import Category
    from sayembara.params import ModelMultipleChoiceField

    field = ModelMultipleChoiceField(queryset=Category.objects.all())
    for junk in (["99999999999999999999"], ["-99999999999999999999"], ["abc"]):
        with pytest.raises(forms.ValidationError):
            field.clean(junk)
    chosen = Category.objects.order_by("pk").first()
    assert list(field.clean([str(chosen.pk)])) == [chosen]


def test_unit_invitations_ignore_ids_beyond_the_database_range(client_as):
    response = _english(client_as("organiser")).post(reverse("insights:invite"), {"institution": "99999999999999999999"},
                                                     follow=True)
    assert response.status_code == 200 and "Choose at least one unit" in response.content.decode()


@pytest.mark.parametrize("raw,expected", [("12", 12), (" 12 ", 12), ("-3", -3), ("+4", 4), (7, 7), ("1.5", None),
                                          ("abc", None), ("", None), (None, None), (True, None), ("1_000", None),
                                          ("١٢", None), ("99999999999999999999", None), (2**63, None),
                                          (["1"], None), ("9223372036854775807", 2**63 - 1)])
def test_int_or_none(raw, expected):
    from sayembara.params import int_or_none

    assert int_or_none(raw) == expected
