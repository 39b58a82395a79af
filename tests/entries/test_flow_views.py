"""Every step of the flow through the views, with the permissions around it."""

import pytest
from django.core import mail
from django.urls import reverse

from sayembara.entries.models import Entry

pytestmark = pytest.mark.django_db


def test_innovator_starts_writes_and_sends(client_as, open_edition, demo_users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    c = client_as("innovator")
    response = c.post(reverse("entries:new"), {"edition": open_edition.pk, "title": "Akta Lahir Langsung Jadi"})
    entry = Entry.objects.get(edition=open_edition, title="Akta Lahir Langsung Jadi")
    assert response.status_code == 302 and response["Location"] == reverse("entries:edit", args=[entry.code])
    page = c.get(reverse("entries:edit", args=[entry.code]))
    assert page.status_code == 200
    assert b"data-word-limit=\"200\"" in page.content
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k not in {"sdgs"}}
    data.update({"title": "Akta Lahir Langsung Jadi", "maturity": "penerapan", "form": "pelayanan_publik", "is_digital": "1",
                 "is_application": "0", "started_on": "2016-01-01", "category": open_edition.categories.first().pk,
                 "section_ringkasan": "Akta lahir selesai di rumah sakit."})
    response = c.post(reverse("entries:edit", args=[entry.code]), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.answers.get(section__code="ringkasan").text == "Akta lahir selesai di rumah sakit."
    assert entry.version == 2


def test_verifier_approves_and_organiser_screens(client_as, complete_draft, demo_users):
    entry = complete_draft
    innovator = client_as("innovator")
    response = innovator.post(reverse("entries:send", args=[entry.code]), {"declaration": "on"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Entry.Status.SENT, [str(m) for m in response.wsgi_request._messages]
    assert any(demo_users["verifier"].email in m.to for m in mail.outbox)
    # A double click: the second send is told, not an error, and nothing changes.
    again = innovator.post(reverse("entries:send", args=[entry.code]), {"declaration": "on"}, follow=True)
    assert "sudah dikirim" in again.content.decode()

    verifier = client_as("verifier")
    assert verifier.get(reverse("entries:detail", args=[entry.code])).context["can_verify"]
    verifier.post(reverse("entries:verify", args=[entry.code]), {"decision": "approve", "notes": ""})
    entry.refresh_from_db()
    assert entry.status == Entry.Status.VERIFIED

    organiser = client_as("organiser")
    organiser.post(reverse("entries:screen", args=[entry.code]), {"decision": "passed", "notes": ""})
    entry.refresh_from_db()
    assert entry.status == Entry.Status.PASSED
    assert any("seleksi administrasi" in m.subject.lower() for m in mail.outbox)
