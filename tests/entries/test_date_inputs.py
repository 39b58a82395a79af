"""Every date input of the site renders an ISO value in both languages and reads it back unchanged.

A browser's ``<input type="date">`` understands only yyyy-mm-dd: a date rendered as "01-03-2025" (Django's
Indonesian input format) shows as an empty field, and the next save wipes the date.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

import sayembara
from sayembara.widgets import DateInput, DateTimeLocalInput

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 1)
MOMENT = dt.datetime(2025, 3, 1, 8, 30)


def _all_form_classes() -> set[type]:
    for module in pkgutil.walk_packages(sayembara.__path__, "sayembara."):
        if module.name.split(".")[-1] in {"forms", "views"}:
            importlib.import_module(module.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("sayembara."):
                found.add(sub)
    return found


def _temporal_fields(form_class) -> list[str]:
    return [name for name, field in form_class.base_fields.items()
            if isinstance(field, (forms.DateField, forms.DateTimeField))]


# --- How to build each form with a date in it, as its view does -------------------------------------------------


def _proposal(draft):
    from sayembara.entries.forms import ProposalForm

    draft.innovation.started_on = DAY
    draft.innovation.save()
    return ProposalForm(initial=ProposalForm.initial_for(draft), entry=draft), "started_on", DAY


def _extension(draft):
    from sayembara.entries.forms import ExtensionForm

    return ExtensionForm(initial={"until": MOMENT}), "until", MOMENT


def _decision(draft):
    from sayembara.editions.models import Edition
    from sayembara.results.forms import DecisionForm

    return DecisionForm(edition=Edition.objects.get(year=2020), initial={"held_on": DAY}), "held_on", DAY


def _decree(draft):
    from sayembara.results.forms import DecreeForm

    return DecreeForm(initial={"decree_number": "050/1/2025", "decree_date": DAY}), "decree_date", DAY


def _follow_up(draft):
    from sayembara.registry.forms import FollowUpAnswerForm
    from sayembara.registry.models import FollowUp

    return FollowUpAnswerForm(instance=FollowUp(innovation=draft.innovation, year=2025, stopped_on=DAY)), "stopped_on", DAY


def _iid_profile(draft):
    from sayembara.registry.forms import IidProfileForm
    from sayembara.registry.models import IidProfile

    return IidProfileForm(instance=IidProfile(innovation=draft.innovation, trial_on=DAY)), "trial_on", DAY


def _schedule(draft):
    from sayembara.jury.forms import ScheduleForm

    return ScheduleForm(initial={"starts_at": MOMENT}), "starts_at", MOMENT


FACTORIES = {
    "sayembara.entries.forms.ProposalForm": _proposal,
    "sayembara.entries.forms.ExtensionForm": _extension,
    "sayembara.results.forms.DecisionForm": _decision,
    "sayembara.results.forms.DecreeForm": _decree,
    "sayembara.registry.forms.FollowUpAnswerForm": _follow_up,
    "sayembara.registry.forms.IidProfileForm": _iid_profile,
    "sayembara.jury.forms.ScheduleForm": _schedule,
}


def test_every_form_with_a_date_is_covered_and_uses_the_iso_widgets():
    with_dates = {f"{cls.__module__}.{cls.__qualname__}": cls for cls in _all_form_classes() if _temporal_fields(cls)}
    # A new form with a date must be added to FACTORIES, so the test below renders and saves it.
    assert set(with_dates) == set(FACTORIES), "date forms not covered: " + ", ".join(sorted(set(with_dates) - set(FACTORIES)))
    for name, cls in with_dates.items():
        for field_name in _temporal_fields(cls):
            field = cls.base_fields[field_name]
            expected = DateTimeLocalInput if isinstance(field, forms.DateTimeField) else DateInput
            assert isinstance(field.widget, expected), f"{name}.{field_name} uses {type(field.widget).__name__}"


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("factory", list(FACTORIES), ids=lambda n: n.rsplit(".", 1)[-1])
def test_a_date_renders_as_iso_and_reads_back_unchanged(factory, language, draft):
    with translation.override(language):
        form, name, value = FACTORIES[factory](draft)
        html = str(form[name])
        rendered = re.search(r'value="([^"]*)"', html)
        assert rendered, html
        expected = value.strftime("%Y-%m-%dT%H:%M") if isinstance(value, dt.datetime) else value.isoformat()
        assert rendered.group(1) == expected, html
        assert re.search(r'type="(date|datetime-local)"', html)
        # What the browser sends back is the same date.
        back = form.fields[name].clean(rendered.group(1))
        if isinstance(value, dt.datetime):
            from django.utils import timezone

            back = timezone.make_naive(back)
        assert back == value


@pytest.mark.parametrize("language", ["id", "en"])
def test_reopening_an_entry_keeps_its_start_date_through_an_autosave(language, draft, demo_users, client, settings):
    from sayembara.entries.models import Innovation

    Innovation.objects.filter(pk=draft.innovation_id).update(started_on=DAY)
    client.force_login(demo_users["innovator"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("entries:edit", kwargs={"code": draft.code})
    page = client.get(url).content.decode()
    field = re.search(r'<input[^>]*name="started_on"[^>]*>', page).group(0)
    assert 'value="2025-03-01"' in field and 'type="date"' in field
    # The browser posts back what it shows, the whole form as the autosave does.
    from sayembara.entries.forms import ProposalForm

    initial = ProposalForm.initial_for(draft)
    data = {k: v for k, v in initial.items() if k not in {"sdgs", "started_on"} and v is not None}
    data["started_on"] = re.search(r'value="([^"]*)"', field).group(1)
    response = client.post(url, data, HTTP_X_AUTOSAVE="1")
    assert response.status_code == 200, response.content
    assert Innovation.objects.get(pk=draft.innovation_id).started_on == DAY
