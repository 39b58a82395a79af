"""The live page's sync: keys scoped to a juror's sheet, replays, optimistic locking, partial saves, bad bodies."""

import json
import uuid
from decimal import Decimal

import pytest
from django.urls import reverse

from sayembara.editions.models import Stage
from sayembara.jury import services
from sayembara.jury.models import ScoreSheet, SubmissionKey

from .conftest import ref

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_user(db):
    from django.test import Client

    def make(user):
        c = Client()
        c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return c

    return make


@pytest.fixture
def room(judging, jurors):
    """The proposal stage (full panel, open), its criteria, and an entry the academic and NGO jurors both judge."""
    stage = judging["proposal"]
    academic, ngo = jurors["academic"], jurors["ngo"]
    shared = [e for e in services.juror_stage_entries(academic, stage)
              if e.pk in {x.pk for x in services.juror_stage_entries(ngo, stage)}]
    return {"stage": stage, "criteria": list(stage.criteria.order_by("order")), "entry": shared[0],
            "other_entry": shared[1], "academic": academic, "ngo": ngo,
            "url": reverse("jury:live_sync", kwargs={"stage_pk": stage.pk})}


def _key():
    return "k-" + uuid.uuid4().hex


def _payload(room, key=None, entry=None, version=0, values=None, submit=False, **extra):
    criteria = room["criteria"]
    values = {c.pk: "75" for c in criteria} if values is None else values
    entry_ref = ref(room["stage"], entry or room["entry"]) if room.get("stage") else "ABCDEF"
    body = {"key": key or _key(), "entry": entry_ref, "version": version,
            "values": {str(pk): v for pk, v in values.items()},
            "justifications": {str(pk): f"Alasan {pk}." for pk in values}, "submit": submit}
    body.update(extra)
    return body


def _post(client, room, body):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(room["url"], data, content_type="application/json")


def _stored(juror, room, entry=None):
    sheet = ScoreSheet.objects.filter(stage=room["stage"], juror=juror, entry=entry or room["entry"]).first()
    return {s.criterion_id: s.value for s in sheet.scores.all()} if sheet else {}


# --- Keys ---------------------------------------------------------------------------------------------------


def test_a_key_longer_than_64_characters_is_refused_not_truncated(room, as_user):
    client = as_user(room["academic"].user)
    long_key = "k" * 64 + "-extra"
    response = _post(client, room, _payload(room, key=long_key))
    assert response.status_code == 400 and response.json()["message"]
    assert not SubmissionKey.objects.exists() and _stored(room["academic"], room) == {}
    # 64 characters exactly are fine; the first 64 of a longer key are another key, not the same one.
    assert _post(client, room, _payload(room, key="k" * 64)).status_code == 200
    assert SubmissionKey.objects.get().key == "k" * 64


@pytest.mark.parametrize("key", [None, 12345678, ["k-0123456789"], {"k": 1}, "", "short", "k-0123 456789",
                                 "k-01234567\x00", "k-0123456789é", "k/0123456789", True])
def test_a_malformed_key_is_refused(room, as_user, key):
    body = _payload(room)
    body["key"] = key
    response = _post(as_user(room["academic"].user), room, body)
    assert response.status_code == 400 and response.json()["message"]
    assert _stored(room["academic"], room) == {}


def test_a_replay_by_the_same_juror_returns_the_stored_result_and_applies_nothing(room, as_user):
    client = as_user(room["academic"].user)
    body = _payload(room, values={room["criteria"][0].pk: "81"})
    first = _post(client, room, body)
    assert first.status_code == 200 and first.json()["replayed"] is False
    sheet = ScoreSheet.objects.get(stage=room["stage"], juror=room["academic"], entry=room["entry"])
    # The sheet changes afterwards (another device), then the lost answer's request is sent again.
    services.save_sheet(room["academic"], room["stage"], room["entry"], {room["criteria"][0].pk: "90"}, {},
                        version=sheet.version, partial=True)
    second = _post(client, room, body)
    assert second.status_code == 200 and second.json()["replayed"] is True
    assert {k: v for k, v in second.json().items() if k != "replayed"} == {k: v for k, v in first.json().items()
                                                                           if k != "replayed"}
    assert _stored(room["academic"], room)[room["criteria"][0].pk] == Decimal("90")  # not applied again
    assert SubmissionKey.objects.filter(juror=room["academic"]).count() == 1


def test_the_same_key_from_another_juror_is_another_submission(room, as_user):
    key = _key()
    a = _post(as_user(room["academic"].user), room, _payload(room, key=key, values={room["criteria"][0].pk: "81"}))
    b = _post(as_user(room["ngo"].user), room, _payload(room, key=key, values={room["criteria"][0].pk: "62"}))
    assert a.status_code == b.status_code == 200
    assert b.json()["replayed"] is False and b.json()["sheet"] != a.json()["sheet"]
    assert _stored(room["academic"], room) == {room["criteria"][0].pk: Decimal("81")}
    assert _stored(room["ngo"], room) == {room["criteria"][0].pk: Decimal("62")}
    assert SubmissionKey.objects.filter(key=key).count() == 2


def test_the_same_key_for_another_entry_is_another_submission(room, as_user):
    client, key = as_user(room["academic"].user), _key()
    assert _post(client, room, _payload(room, key=key)).status_code == 200
    response = _post(client, room, _payload(room, key=key, entry=room["other_entry"]))
    assert response.status_code == 200 and response.json()["replayed"] is False
    assert len(_stored(room["academic"], room, room["other_entry"])) == len(room["criteria"])


def test_keys_are_unique_per_sheet_in_the_database(room):
    from django.db import IntegrityError, transaction

    sheet, _merged = services.save_sheet(room["academic"], room["stage"], room["entry"], {}, {}, partial=True)
    scope = {"juror": room["academic"], "stage": room["stage"], "entry": room["entry"], "sheet": sheet}
    SubmissionKey.objects.create(key="k-same-key-1", **scope)
    with pytest.raises(IntegrityError), transaction.atomic():
        SubmissionKey.objects.create(key="k-same-key-1", **scope)


# --- Versions, merges, partial saves ------------------------------------------------------------------------


def test_a_partial_sync_touches_only_the_criteria_it_carries(room, as_user):
    a, b, c = room["criteria"]
    sheet, _ = services.save_sheet(room["academic"], room["stage"], room["entry"], {a.pk: "70", b.pk: "71", c.pk: "72"},
                                   {a.pk: "x", b.pk: "y", c.pk: "z"}, comment="Catatan awal.")
    response = _post(as_user(room["academic"].user), room, _payload(room, version=sheet.version, values={b.pk: "88"}))
    assert response.status_code == 200
    assert _stored(room["academic"], room) == {a.pk: Decimal("70"), b.pk: Decimal("88"), c.pk: Decimal("72")}
    sheet.refresh_from_db()
    assert sheet.comment == "Catatan awal." and sheet.scores.get(criterion=a).justification == "x"
    assert response.json()["version"] == sheet.version and response.json()["values"][str(a.pk)] == ["70", "x"]


def test_a_partial_submission_counts_the_criteria_already_stored(room, as_user):
    a, b, c = room["criteria"]
    sheet, _ = services.save_sheet(room["academic"], room["stage"], room["entry"], {a.pk: "70", b.pk: "71"}, {})
    client = as_user(room["academic"].user)
    refused = _post(client, room, _payload(room, version=sheet.version, values={b.pk: "80"}, submit=True))
    assert refused.status_code == 409 and refused.json()["status"] == "refused"
    done = _post(client, room, _payload(room, version=sheet.version, values={c.pk: "80"}, submit=True))
    assert done.status_code == 200 and done.json()["state"] == "submitted"


def test_changes_to_different_criteria_are_merged(room, as_user):
    a, b, _c = room["criteria"]
    # The phone opened the empty sheet (version 0); meanwhile the juror scored A in the sheet form.
    services.save_sheet(room["academic"], room["stage"], room["entry"], {a.pk: "80"}, {a.pk: "di laptop"}, version=0,
                        original={})
    response = _post(as_user(room["academic"].user), room, _payload(room, version=0, values={b.pk: "60"}, original={}))
    assert response.status_code == 200 and response.json()["merged"] is True
    assert _stored(room["academic"], room) == {a.pk: Decimal("80"), b.pk: Decimal("60")}


def test_a_conflicting_change_to_the_same_criterion_is_refused_and_nothing_is_lost(room, as_user):
    a, b, _c = room["criteria"]
    services.save_sheet(room["academic"], room["stage"], room["entry"], {a.pk: "80"}, {a.pk: "di laptop"}, version=0,
                        original={})
    client = as_user(room["academic"].user)
    body = _payload(room, version=0, values={a.pk: "50", b.pk: "65"}, original={str(a.pk): ["", ""]})
    response = _post(client, room, body)
    assert response.status_code == 409
    answer = response.json()
    assert answer["status"] == "conflict" and answer["message"] and answer["values"][str(a.pk)] == ["80", "di laptop"]
    assert _stored(room["academic"], room) == {a.pk: Decimal("80")}  # nothing applied, the other device's score kept
    assert not SubmissionKey.objects.filter(key=body["key"]).exists()
    # The page takes the stored sheet as its base and the juror submits again: now the juror's scores win.
    again = _payload(room, version=answer["version"], values={a.pk: "50", b.pk: "65"},
                     original={k: v for k, v in answer["values"].items()})
    assert _post(client, room, again).status_code == 200
    assert _stored(room["academic"], room) == {a.pk: Decimal("50"), b.pk: Decimal("65")}


def test_the_first_save_of_a_sheet_is_not_a_merge(room, as_user):
    response = _post(as_user(room["academic"].user), room, _payload(room, version=0))
    assert response.status_code == 200 and response.json()["merged"] is False


def test_a_conflict_on_a_sheet_that_does_not_exist_creates_none(room, as_user):
    # The page believed a score was stored (its base), but the sheet is gone (e.g. dropped by a conflict of interest).
    a = room["criteria"][0]
    body = _payload(room, version=3, values={a.pk: "50"}, original={str(a.pk): ["80", ""]})
    response = _post(as_user(room["academic"].user), room, body)
    assert response.status_code == 409
    assert response.json()["status"] == "conflict" and response.json()["version"] == 0 and response.json()["values"] == {}
    assert not ScoreSheet.objects.filter(juror=room["academic"], stage=room["stage"], entry=room["entry"]).exists()


def test_a_stale_version_without_a_clash_on_the_same_value_is_merged(room, as_user):
    a, _b, _c = room["criteria"]
    services.save_sheet(room["academic"], room["stage"], room["entry"], {a.pk: "80"}, {a.pk: "sama"}, version=0)
    body = _payload(room, version=0, values={a.pk: "80"})
    body["justifications"] = {str(a.pk): "sama"}
    assert _post(as_user(room["academic"].user), room, body).status_code == 200


def test_a_rule_of_the_jury_refuses_with_409(room, as_user):
    Stage.objects.filter(pk=room["stage"].pk).update(status=Stage.Status.CLOSED)
    response = _post(as_user(room["academic"].user), room, _payload(room))
    assert response.status_code == 409 and response.json()["status"] == "refused"


def test_an_entry_not_assigned_is_404(room, as_user, judging):
    from sayembara.entries.models import Entry

    elsewhere = Entry.objects.exclude(edition=judging["edition"]).first()
    assert _post(as_user(room["academic"].user), room, _payload(room, entry=elsewhere)).status_code == 404


# --- Bodies of the wrong shape -------------------------------------------------------------------------------


def _bad_bodies(room):
    a = str(room["criteria"][0].pk)
    good = _payload(room, values={room["criteria"][0].pk: "70"})

    def but(**changes):
        body = {**good, **changes}
        return {k: v for k, v in body.items() if v is not ...}

    return {
        "not json": "not json",
        "truncated json": '{"key": ',
        "a list": "[1, 2]",
        "null": "null",
        "a string": '"text"',
        "deep nesting": "[" * 100000,
        "no key": but(key=...),
        "no entry": but(entry=...),
        "entry a word": but(entry="abc"),
        "entry a list": but(entry=[1]),
        "entry true": but(entry=True),
        "entry huge": but(entry=99999999999999999999),
        "no version": but(version=...),
        "version a word": but(version="abc"),
        "version negative": but(version=-1),
        "version huge": but(version=99999999999999999999),
        "version true": but(version=True),
        "scores a list": but(values=[70]),
        "scores a string": but(values="70"),
        "score a word": but(values={a: "abc"}),
        "score a list": but(values={a: [70]}),
        "score true": but(values={a: True}),
        "score an object": but(values={a: {"v": 70}}),
        "score NaN text": but(values={a: "NaN"}),
        "score Infinity text": but(values={a: "Infinity"}),
        "score huge": but(values={a: 99999999999999999999}),
        "score huge text": but(values={a: "1e400"}),
        "score out of range": but(values={a: 1000}),
        "unknown criterion": but(values={"999999": "70"}),
        "criterion a word": but(values={"inovasi": "70"}),
        "justifications a list": but(justifications=["x"]),
        "justification a number": but(justifications={a: 5}),
        "justification without score": but(values={}, justifications={a: "x"}),
        "justification with NUL": but(justifications={a: "x\x00y"}),
        "comment a number": but(comment=5),
        "submit a word": but(submit="yes"),
        "original a string": but(original="x"),
        "original pair too short": but(original={a: ["70"]}),
    }


BAD_NAMES = list(_bad_bodies({"criteria": [type("C", (), {"pk": 1})()], "entry": type("E", (), {"pk": 1})()}))


@pytest.mark.parametrize("case", BAD_NAMES)
def test_a_body_of_the_wrong_shape_is_400_with_a_message(room, as_user, case):
    body = _bad_bodies(room)[case]
    response = _post(as_user(room["academic"].user), room, body)
    assert response.status_code == 400, response.content
    assert response.json()["status"] == "error" and response.json()["message"]
    assert not ScoreSheet.objects.filter(juror=room["academic"], entry=room["entry"], stage=room["stage"]).exists()


@pytest.mark.parametrize("raw", ['{"key": "k-0123456789", "entry": %d, "version": 0, "values": {"%d": NaN}}',
                                 '{"key": "k-0123456789", "entry": %d, "version": 0, "values": {"%d": Infinity}}',
                                 '{"key": "k-0123456789", "entry": %d, "version": 0, "values": {"%d": 1e400}}',
                                 '{"key": "k-0123456789", "entry": %d, "version": 0, "values": {"%d": -1e400}}'])
def test_json_nan_infinity_and_overflowing_numbers_are_400(room, as_user, raw):
    response = _post(as_user(room["academic"].user), room, raw % (room["entry"].pk, room["criteria"][0].pk))
    assert response.status_code == 400 and response.json()["message"]


def test_a_form_encoded_post_is_400(room, as_user):
    response = as_user(room["academic"].user).post(room["url"], {"key": _key(), "entry": room["entry"].pk})
    assert response.status_code == 400 and response.json()["message"]


def test_numbers_sent_as_json_numbers_are_accepted(room, as_user):
    a, b, c = room["criteria"]
    body = _payload(room, values={a.pk: 70, b.pk: 71.5, c.pk: "72,5"})
    assert _post(as_user(room["academic"].user), room, body).status_code == 200
    assert _stored(room["academic"], room) == {a.pk: Decimal("70"), b.pk: Decimal("71.5"), c.pk: Decimal("72.5")}


# --- The live page -------------------------------------------------------------------------------------------


def test_the_live_page_gives_each_card_its_sheet_version_and_the_conflict_message(room, as_user):
    sheet, _ = services.save_sheet(room["academic"], room["stage"], room["entry"], {room["criteria"][0].pk: "70"}, {})
    html = as_user(room["academic"].user).get(reverse("jury:live", kwargs={"stage_pk": room["stage"].pk})).content.decode()
    assert f'data-entry="{ref(room["stage"], room["entry"])}" data-version="{sheet.version}"' in html
    assert f'data-entry="{ref(room["stage"], room["other_entry"])}" data-version="0"' in html
    assert "data-msg-conflict=" in html and "data-msg-theirs=" in html
