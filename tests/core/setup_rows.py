"""Posting the guided editor's rows as a browser does, and reading the messages a page shows."""

from __future__ import annotations

import datetime as dt


def rows_post(formset, prefix: str, change=None, add=None, delete=()) -> dict:
    """The POST a browser sends for ``formset`` as shown, with ``change`` ({row index: {field: value}}) applied,
    ``add`` filling the first blank row and rows ``delete`` ticked for removal."""
    data = {"part": prefix}
    for key, value in formset.management_form.initial.items():
        data[f"{prefix}-{key}"] = value
    for index, form in enumerate(formset.forms):
        values = {}
        for name in form.fields:  # what the browser shows, blank rows' defaults included
            value = form[name].value()
            if isinstance(value, dt.datetime):  # already in local time, as the widget shows it
                value = value.strftime("%Y-%m-%dT%H:%M")
            values[name] = value
        values.update((change or {}).get(index, {}))
        if add and not form.instance.pk and index == len(formset.forms) - formset.extra:
            values.update(add)
        if index in delete:
            values["DELETE"] = "on"
        for name, value in values.items():
            if value is None or value is False:
                continue
            data[f"{prefix}-{index}-{name}"] = "on" if value is True else value
    return data


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])
