"""Posting to the regency's Telegram channel: through a job, to a real local fake of the Bot API."""

from __future__ import annotations

import datetime as dt
import logging
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from .fake_bot_api import GOOD_TOKEN

pytestmark = pytest.mark.django_db

HOSTILE = '<b>x</b>& </a><script>alert(1)</script>'


@pytest.fixture
def open_edition(db):
    from sayembara.entries.demo_open_edition import ensure_open_edition

    return ensure_open_edition()


@pytest.fixture
def organiser(client_as):
    return client_as("organiser")


def _post(organiser, year, kind):
    return organiser.post(reverse("telegram:post", args=[year]), {"kind": kind}, follow=True)


def test_the_organiser_connects_the_bot_and_the_token_is_never_shown_back(organiser, bot_api, run_jobs):
    from sayembara.telegram.models import TelegramSettings

    response = organiser.post(reverse("telegram:settings"), {"token": GOOD_TOKEN, "chat": "@humaspemalang"}, follow=True)
    assert response.status_code == 200
    conf = TelegramSettings.objects.get()
    assert conf.token == GOOD_TOKEN and conf.chat == "@humaspemalang" and conf.token_tail == GOOD_TOKEN[-4:]
    page = response.content.decode()
    assert GOOD_TOKEN not in page and GOOD_TOKEN[:-4] not in page and "…" + GOOD_TOKEN[-4:] in page
    # An empty token keeps the stored one; the channel may change alone.
    organiser.post(reverse("telegram:settings"), {"token": "", "chat": "-1001234567890"})
    conf.refresh_from_db()
    assert conf.token == GOOD_TOKEN and conf.chat == "-1001234567890"
    # "Test the connection": a job asks getMe and says the bot's name in words.
    response = organiser.post(reverse("telegram:check"))
    assert response.status_code == 302 and "/jobs/" in response["Location"]
    [job] = run_jobs()
    assert job.state == "done" and "Humas Bot (@humas_test_bot)" in job.message, (job.state, job.error)
    assert bot_api.requests[-1]["method"] == "getMe" and bot_api.requests[-1]["token"] == GOOD_TOKEN
    conf.refresh_from_db()
    assert conf.bot_name == "Humas Bot (@humas_test_bot)"


def test_a_malformed_token_or_channel_is_refused_in_words(organiser):
    from sayembara.telegram.models import TelegramSettings

    response = organiser.post(reverse("telegram:settings"), {"token": "not a token", "chat": "@humaspemalang"})
    assert response.status_code == 200 and "BotFather" in response.content.decode()
    response = organiser.post(reverse("telegram:settings"), {"token": GOOD_TOKEN, "chat": "humas pemalang!"})
    assert "@humaspemalang" in response.content.decode()
    assert not TelegramSettings.objects.exists()


def test_the_call_for_entries_is_previewed_then_posted_by_a_job_with_every_string_escaped(
        organiser, connected, open_edition, bot_api, run_jobs):
    from sayembara.editions.models import Edition
    from sayembara.telegram.models import ChannelPost

    Edition.objects.filter(pk=open_edition.pk).update(title=HOSTILE, theme="Tema & <i>uji</i>")
    page = organiser.get(reverse("telegram:edition", args=[open_edition.year])).content.decode()
    assert "&lt;script&gt;" in page and "<script>alert" not in page  # the preview shows the title as text
    response = _post(organiser, open_edition.year, "call")
    assert response.status_code == 200
    post = ChannelPost.objects.get(edition=open_edition, kind="call")
    assert post.state == "queued" and not bot_api.sent()  # never sent inside the request
    [job] = run_jobs()
    assert job.state == "done", job.error
    post.refresh_from_db()
    [request] = bot_api.sent()
    body = request["body"]
    assert body["chat_id"] == "@humaspemalang" and body["parse_mode"] == "HTML"
    assert "&lt;b&gt;x&lt;/b&gt;&amp; &lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in body["text"]
    assert "<script>" not in body["text"] and "Tema &amp; &lt;i&gt;uji&lt;/i&gt;" in body["text"]
    assert body["text"] == post.text and len(body["text"]) <= 4096
    assert post.state == "sent" and post.message_id == 1001 and post.sent_at and post.created_by.email == "panitia@pemalang.demo"
    log = organiser.get(reverse("telegram:settings")).content.decode()
    assert 'data-state="sent"' in log and "1001" in log


def test_429_and_500_are_tried_again_and_retry_after_is_honoured(connected, open_edition, bot_api, run_jobs):
    from sayembara.telegram import services

    bot_api.script = ["429", "500"]
    post = services.queue_post(open_edition, "call")
    started = time.monotonic()
    [job] = run_jobs()
    assert job.state == "done", job.error
    assert time.monotonic() - started >= bot_api.retry_after  # waited as Telegram asked
    assert [r["method"] for r in bot_api.requests] == ["sendMessage"] * 3
    post.refresh_from_db()
    assert post.state == "sent" and post.message_id


def test_tries_are_bounded_and_the_failure_is_said_in_words(connected, open_edition, bot_api, run_jobs):
    from sayembara.telegram import services

    bot_api.script = ["500", "500", "500", "500"]
    post = services.queue_post(open_edition, "call")
    [job] = run_jobs()
    post.refresh_from_db()
    assert len(bot_api.requests) == 3
    assert job.state == "failed" and post.state == "failed" and "500" in post.error and post.error in job.error


def test_a_slow_telegram_is_given_up_on_after_the_timeout(connected, open_edition, bot_api, run_jobs):
    from sayembara.telegram import bot_api as client
    from sayembara.telegram import services

    client.TIMEOUT = 0.3
    bot_api.slow_seconds = 1.5
    bot_api.script = ["slow"] * 3
    post = services.queue_post(open_edition, "call")
    started = time.monotonic()
    [job] = run_jobs()
    assert time.monotonic() - started < 3
    post.refresh_from_db()
    assert post.state == "failed" and "0.3" in post.error and job.state == "failed"


def test_a_wrong_token_fails_clearly_in_the_log_without_retrying(organiser, demo_users, open_edition, bot_api,
                                                                  run_jobs):
    from sayembara.telegram import services

    services.save_settings(token="987654321:AAWrongTokenWrongTokenWrong_zz99", chat="@humaspemalang",
                           by=demo_users["organiser"])
    _post(organiser, open_edition.year, "call")
    [job] = run_jobs()
    assert job.state == "failed" and len(bot_api.requests) == 1  # a 401 is final
    page = organiser.get(reverse("telegram:edition", args=[open_edition.year])).content.decode()
    assert 'data-state="failed"' in page and "401" in page and "@BotFather" in page


def test_a_4xx_other_than_429_is_not_tried_again(bot_api):
    from sayembara.telegram import bot_api as client

    with pytest.raises(client.TelegramError) as refused:
        client.send_message(GOOD_TOKEN, "@humaspemalang", "")
    assert refused.value.status == 400 and len(bot_api.requests) == 1


def test_posts_are_refused_with_the_reason_while_what_they_announce_is_not_public(organiser, connected, open_edition,
                                                                                   bot_api):
    from sayembara.editions.models import Edition
    from sayembara.telegram.models import ChannelPost

    response = _post(organiser, open_edition.year, "winners")
    assert "belum diumumkan" in response.content.decode()  # Indonesian by default: "not published yet"
    response = _post(organiser, open_edition.year, "screening")
    assert not ChannelPost.objects.filter(kind__in=["winners", "screening"]).exists()
    # A call for entries of an edition whose results are out, and anything of a draft.
    response = _post(organiser, 2020, "call")
    assert not ChannelPost.objects.filter(edition__year=2020).exists()
    draft = Edition.objects.create(year=2031, title="Rahasia", host="Kabupaten Pemalang")
    page = organiser.get(reverse("telegram:edition", args=[2031])).content.decode()
    assert page.count('data-testid="refusal"') == 5 and 'data-testid="preview-text"' not in page
    for kind in ChannelPost.Kind.values:
        _post(organiser, draft.year, kind)
    assert not ChannelPost.objects.filter(edition=draft).exists() and not bot_api.requests


def test_the_winners_and_the_provisional_list_of_a_published_edition(connected, organiser, bot_api, run_jobs):
    from sayembara.results.models import Award
    from sayembara.telegram import services
    from sayembara.telegram.models import ChannelPost

    text, refusal = services.preview(ChannelPost.edition.field.related_model.objects.get(year=2020), "winners")
    assert refusal is None
    award = Award.objects.filter(edition__year=2020).select_related("entry__institution").first()
    assert award.entry.title in text or award.entry.title.replace("&", "&amp;") in text
    assert award.entry.institution.name.replace("&", "&amp;") in text
    text, refusal = services.preview(award.edition, "provisional")
    assert text is None and "2020" in refusal  # final: the winners are posted instead


def test_while_a_blind_stage_is_planned_or_open_no_post_names_an_entry_with_its_unit(connected, bot_api, run_jobs):
    from sayembara.editions.models import Edition, Stage
    from sayembara.entries.models import Entry, EntrySettings
    from sayembara.jury.demo import prepare_judging_demo
    from sayembara.telegram import services

    judging = prepare_judging_demo()
    assert judging.makers_hidden
    EntrySettings.objects.update_or_create(edition=judging, defaults={"screening_published_at": timezone.now(),
                                                                      "announcement_number": "001/2026"})
    passed = list(Entry.objects.filter(edition=judging, status="passed").select_related("institution"))
    assert passed
    text, refusal = services.preview(judging, "screening")
    assert refusal is None and str(len(passed)) in text
    for entry in passed:
        assert entry.title not in text and entry.code not in text and entry.institution.name not in text

    # A published edition with a blind stage still planned (say, a later round): the winners by count only.
    published = Edition.objects.get(year=2020)
    Stage.objects.filter(edition=published, order=1).update(blind=True, status="planned")
    published = Edition.objects.get(year=2020)
    assert published.makers_hidden
    text, refusal = services.preview(published, "winners")
    assert refusal is None
    for entry in Entry.objects.filter(awards__edition=published).select_related("institution"):
        assert entry.title not in text and entry.institution.name not in text

    # And what was queued is what goes out.
    post = services.queue_post(judging, "screening")
    run_jobs()
    [sent] = bot_api.sent()
    assert sent["body"]["text"] == post.text
    assert not any(entry.institution.name in sent["body"]["text"] for entry in passed)


def test_a_long_list_is_cut_under_telegrams_limit_with_a_link_to_the_page():
    from sayembara.telegram import compose

    lines = [f"• {i} " + "x" * 100 for i in range(200)]
    text = compose.fit("head", lines, '<a href="https://example.org/list">The full list</a>')
    assert len(text) <= 4096 and text.endswith("…\n" + '<a href="https://example.org/list">The full list</a>')
    assert text.startswith("head\n• 0 ")


def test_reminders_go_out_7_3_and_1_days_before_the_deadline_once_a_day(connected, open_edition, bot_api, run_jobs):
    from sayembara.entries.deadlines import submission_deadline
    from sayembara.telegram import services
    from sayembara.telegram.models import ChannelPost
    from sayembara.telegram.tasks import remind_deadlines

    deadline = timezone.localtime(submission_deadline(open_edition)).date()
    assert services.remind_deadlines(today=deadline - dt.timedelta(days=3)) == 1
    assert services.remind_deadlines(today=deadline - dt.timedelta(days=3)) == 0  # a second run that day: nothing
    assert services.remind_deadlines(today=deadline - dt.timedelta(days=2)) == 0  # not a reminder day
    [post] = ChannelPost.objects.filter(kind="reminder")
    assert post.reminder_day == deadline - dt.timedelta(days=3) and post.created_by is None and "3" in post.text
    run_jobs()
    post.refresh_from_db()
    assert post.state == "sent" and len(bot_api.sent()) == 1
    assert remind_deadlines() in (0, 1)  # the scheduled task runs (today may or may not be a reminder day)


def test_the_organiser_may_post_a_reminder_any_day_before_the_deadline(organiser, connected, open_edition, bot_api,
                                                                       run_jobs):
    from sayembara.telegram.models import ChannelPost

    from sayembara.telegram import services

    _post(organiser, open_edition.year, "reminder")
    run_jobs()
    post = ChannelPost.objects.get(kind="reminder")
    assert post.state == "sent" and post.reminder_day is None and "⏰" in post.text
    # The schedule sends no second reminder that day, even on one of its reminder days.
    deadline = timezone.localtime(services.compose.submission_deadline(open_edition)).date()
    if (deadline - timezone.localdate()).days in services.REMINDER_DAYS:
        assert services.remind_deadlines() == 0
    ChannelPost.objects.filter(pk=post.pk).update(created_at=timezone.now() - dt.timedelta(days=10))
    assert services.remind_deadlines(today=deadline - dt.timedelta(days=7)) == 1


def test_the_token_is_in_no_page_log_row_job_record_or_audit_event(organiser, connected, open_edition, bot_api,
                                                                    run_jobs, caplog):
    from sayembara.audit.models import AuditEvent
    from sayembara.jobs.models import Job
    from sayembara.telegram.models import ChannelPost

    caplog.set_level(logging.DEBUG)
    bot_api.script = ["500", "500", "500"]
    _post(organiser, open_edition.year, "call")
    organiser.post(reverse("telegram:check"))
    _post(organiser, open_edition.year, "reminder")
    run_jobs()
    jobs = list(Job.objects.all())
    assert {j.state for j in jobs} >= {"failed", "done"}
    pages = [reverse("telegram:settings"), reverse("telegram:edition", args=[open_edition.year]),
             reverse("jobs:list")] + [reverse("jobs:status", args=[j.pk]) for j in jobs]
    for url in pages:
        assert GOOD_TOKEN not in organiser.get(url).content.decode(), url
    for job in jobs:
        assert GOOD_TOKEN not in f"{job.kwargs} {job.message} {job.error} {job.key} {job.scope}"
    for post in ChannelPost.objects.all():
        assert GOOD_TOKEN not in f"{post.text} {post.error} {post.chat}"
    events = list(AuditEvent.objects.filter(model="telegram.telegramsettings"))
    assert events and all(GOOD_TOKEN not in f"{e.changes} {e.summary} {e.note}" for e in events)
    assert GOOD_TOKEN not in caplog.text
    assert all(GOOD_TOKEN.split(":")[1] not in str(r) for r in bot_api.requests if r["method"] is None)


def test_every_kind_of_post_has_a_preview_on_the_organisers_page(organiser, connected, open_edition):
    page = organiser.get(reverse("telegram:edition", args=[open_edition.year])).content.decode()
    for kind in ["call", "reminder", "screening", "provisional", "winners"]:
        assert f'data-testid="preview-{kind}"' in page
    assert 'data-testid="post-call"' in page
    dashboard = organiser.get(reverse("editions:organiser_dashboard")).content.decode()
    assert reverse("telegram:edition", args=[open_edition.year]) in dashboard


def test_a_double_click_posts_once(organiser, connected, open_edition, bot_api, run_jobs):
    from sayembara.telegram.models import ChannelPost

    _post(organiser, open_edition.year, "call")
    response = _post(organiser, open_edition.year, "call")
    assert ChannelPost.objects.filter(kind="call").count() == 1
    assert 'class="messages' in response.content.decode() or "error" in response.content.decode()
    run_jobs()
    assert len(bot_api.sent()) == 1


def test_an_unreachable_or_malformed_api_address_fails_in_words_without_the_token(settings, caplog):
    from sayembara.telegram import bot_api as client

    client_saved = client.BACKOFF
    client.BACKOFF = 0.01
    try:
        settings.TELEGRAM_API_BASE = "nonsense-address"
        with pytest.raises(client.TelegramError) as refused:
            client.get_me(GOOD_TOKEN)
        assert "TELEGRAM_API_BASE" in str(refused.value) and GOOD_TOKEN not in str(refused.value)
        import socket

        with socket.socket() as s:  # a port nobody listens on
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        settings.TELEGRAM_API_BASE = f"http://127.0.0.1:{port}"
        with pytest.raises(client.TelegramError) as refused:
            client.get_me(GOOD_TOKEN)
        assert GOOD_TOKEN not in str(refused.value) and refused.value.status is None
    finally:
        client.BACKOFF = client_saved
    assert GOOD_TOKEN not in caplog.text
