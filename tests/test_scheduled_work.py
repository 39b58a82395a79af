"""The work the beat schedules: every scheduled task exists, and each does what it says, once."""

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from sayembara.jobs.services import task_named

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_shared_cache(settings):
    settings.CACHES = {**settings.CACHES, "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                                     "LOCATION": "scheduled-work-test"}}


def test_every_scheduled_task_is_a_registered_task():
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert task_named(entry["task"]).name == entry["task"], name


def test_drafts_are_reminded_7_3_and_1_days_before_their_units_deadline_once(demo_users):
    from sayembara.entries import services
    from sayembara.entries.demo_open_edition import ensure_open_edition
    from sayembara.entries.notify import remind_unsent_drafts

    edition = ensure_open_edition()
    entry = services.create_entry(demo_users["innovator"], edition, "Layanan Akta Keliling")
    deadline = timezone.localtime(services.submission_deadline(edition, entry.institution)).date()
    mail.outbox.clear()
    assert remind_unsent_drafts(today=deadline - dt.timedelta(days=3)) >= 1
    [message] = [m for m in mail.outbox if entry.title in m.subject]
    assert message.to == [demo_users["innovator"].email] and entry.code in message.body
    mail.outbox.clear()
    assert remind_unsent_drafts(today=deadline - dt.timedelta(days=3)) == 0  # a second run that day sends nothing
    assert remind_unsent_drafts(today=deadline - dt.timedelta(days=2)) == 0  # not a reminder day
    assert not [m for m in mail.outbox if entry.title in m.subject]


def test_jurors_behind_in_an_open_stage_are_reminded(judging_edition):
    from sayembara.jury.tasks import remind_jurors_behind

    mail.outbox.clear()
    reminded = remind_jurors_behind()
    assert reminded > 0 and len(mail.outbox) == reminded


def test_the_yearly_follow_up_round_asks_once_a_year():
    from sayembara.registry.tasks import yearly_follow_up

    assert yearly_follow_up() > 0
    assert yearly_follow_up() == 0


@pytest.fixture
def judging_edition(db):
    from sayembara.jury.demo import prepare_judging_demo

    return prepare_judging_demo()
