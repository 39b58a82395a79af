"""Joining a unit needs a yes: the stranger's path, refusals, ends, units without a verifier, and the audit trail."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from sayembara.accounts import membership
from sayembara.accounts.models import Membership, User
from sayembara.audit.models import AuditEvent
from sayembara.entries import services as entry_services
from sayembara.entries.models import Entry
from sayembara.institutions.models import Institution
from sayembara.registry import services as registry_services
from sayembara.registry.models import FollowUp

pytestmark = pytest.mark.django_db


def _link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).replace("http://testserver", "")


def _dukcapil_entry() -> Entry:
    return Entry.objects.filter(institution__short_name="Disdukcapil").order_by("-edition__year", "code").first()


def test_a_stranger_who_names_disdukcapil_sees_nothing_until_the_verifier_says_yes(client, demo_users):
    client.post(reverse("accounts:register"), {
        "full_name": "Penyusup", "email": "penyusup@example.org", "password1": "kopi-tubruk-pagi",
        "password2": "kopi-tubruk-pagi"})
    client.post(_link(mail.outbox[-1]), {"password": "kopi-tubruk-pagi"})
    client.logout()
    assert client.post(reverse("accounts:login"), {"username": "penyusup@example.org",
                                                  "password": "kopi-tubruk-pagi"}).status_code == 302
    dukcapil = demo_users["innovator"].institution
    mail.outbox.clear()
    client.post(reverse("accounts:profile"), {"full_name": "Penyusup", "unit": dukcapil.pk, "position": "Staf",
                                              "phone": "0812"})
    stranger = User.objects.get(email="penyusup@example.org")
    request = Membership.objects.get(user=stranger)
    assert request.status == Membership.Status.PENDING and stranger.institution is None
    # The verifier is told, with a link to decide.
    assert [m.to for m in mail.outbox] == [[demo_users["verifier"].email]]
    assert reverse("accounts:members") in mail.outbox[0].body

    entry = _dukcapil_entry()
    innovation = entry.innovation
    follow_up = FollowUp.objects.create(innovation=innovation, year=2098)
    for url in [reverse("entries:detail", args=[entry.code]), reverse("entries:pdf", args=[entry.code]),
                reverse("entries:new"), reverse("entries:innovator_dashboard")]:
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("registry:follow_up_answer", args=[follow_up.pk])).status_code == 404
    response = client.post(reverse("registry:follow_up_answer", args=[follow_up.pk]), {"status": "stopped", "evidence": "x"})
    assert response.status_code == 404
    assert client.post(reverse("entries:withdraw", args=[entry.code])).status_code == 403
    # The services refuse as well, whoever calls them.
    from sayembara.entries.demo_open_edition import ensure_open_edition

    with pytest.raises(entry_services.EntryError, match="menyetujui keanggotaan"):
        entry_services.create_entry(stranger, ensure_open_edition(), "Coba")
    with pytest.raises(PermissionDenied):
        registry_services.answer_follow_up(follow_up, FollowUp.Status.STOPPED, "berhenti", stranger)
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.PENDING

    verifier = Client()
    verifier.force_login(demo_users["verifier"], backend="django.contrib.auth.backends.ModelBackend")
    assert "Penyusup" in verifier.get(reverse("entries:verifier_dashboard")).content.decode()
    response = verifier.post(reverse("accounts:decide_membership", args=[request.pk]), {"decision": "approve"})
    assert response.status_code == 302
    stranger.refresh_from_db()
    assert stranger.institution == dukcapil
    assert client.get(reverse("entries:detail", args=[entry.code])).status_code == 200
    assert entry.code in client.get(reverse("entries:innovator_dashboard")).content.decode()
    event = AuditEvent.objects.filter(model="accounts.membership", object_id=str(request.pk)).order_by("-at").first()
    assert event.actor == demo_users["verifier"] and event.changes["status"] == ["pending", "approved"]


def test_a_refusal_needs_a_reason_and_the_person_is_told(demo_users):
    person = User.objects.create_user(email="calon@example.org", username="calon", full_name="Calon", password="x")
    request = membership.request_membership(person, demo_users["verifier"].verified_institution)
    with pytest.raises(membership.MembershipError):
        membership.refuse(request, demo_users["verifier"], "  ")
    membership.refuse(request, demo_users["verifier"], "Bukan pegawai Disdukcapil")
    request.refresh_from_db()
    person.refresh_from_db()
    assert request.status == Membership.Status.REFUSED and person.institution is None
    assert "Bukan pegawai Disdukcapil" in mail.outbox[-1].body
    # Deciding twice is refused; so is deciding for someone else's unit.
    with pytest.raises(membership.MembershipError):
        membership.approve(request, demo_users["verifier"])
    other = membership.request_membership(person, Institution.objects.get(short_name="Dinkes"))
    with pytest.raises(PermissionDenied):
        membership.approve(other, demo_users["verifier"])


def test_ending_a_membership_cuts_access_at_once_and_is_recorded(client_as, demo_users):
    innovator = demo_users["innovator"]
    entry = _dukcapil_entry()
    assert client_as("innovator").get(reverse("entries:detail", args=[entry.code])).status_code == 200
    standing = Membership.objects.get(user=innovator, status=Membership.Status.APPROVED)
    verifier = client_as("verifier")
    verifier.post(reverse("accounts:decide_membership", args=[standing.pk]), {"decision": "end", "reason": ""})
    standing.refresh_from_db()
    assert standing.status == Membership.Status.APPROVED  # no reason, nothing ended
    verifier.post(reverse("accounts:decide_membership", args=[standing.pk]), {"decision": "end", "reason": "Pindah tugas"})
    standing.refresh_from_db()
    innovator.refresh_from_db()
    assert standing.status == Membership.Status.ENDED and innovator.institution is None
    client = Client()
    client.force_login(innovator, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("entries:detail", args=[entry.code])).status_code == 403
    event = AuditEvent.objects.filter(model="accounts.membership", object_id=str(standing.pk)).order_by("-at").first()
    assert event.note == "Keanggotaan diakhiri" and event.actor == demo_users["verifier"]


def test_a_unit_without_a_verifier_is_decided_and_verified_by_the_organiser_on_its_behalf(client_as, demo_users):
    village = Institution.objects.get(name="Pemerintah Desa Kuta")
    assert not User.objects.filter(verified_institution=village).exists()
    person = User.objects.create_user(email="kades.kuta@example.org", username="kades", full_name="Kades Kuta",
                                      password="x")
    request = membership.request_membership(person, village)
    # With no verifier, the organisers are asked.
    assert demo_users["organiser"].email in mail.outbox[-1].to
    organiser = client_as("organiser")
    page = organiser.get(reverse("accounts:members")).content.decode()
    assert "Kades Kuta" in page
    organiser.post(reverse("accounts:decide_membership", args=[request.pk]), {"decision": "approve"})
    request.refresh_from_db()
    assert request.status == Membership.Status.APPROVED and request.on_behalf

    from sayembara.entries.demo_open_edition import ensure_open_edition

    person.refresh_from_db()
    entry = entry_services.create_entry(person, ensure_open_edition(), "Layanan Surat Desa Daring")
    Entry.objects.filter(pk=entry.pk).update(status=Entry.Status.SENT)
    assert village in membership.units_without_verifier_with_entries()
    assert "Pemerintah Desa Kuta" in organiser.get(reverse("editions:organiser_dashboard")).content.decode()
    organiser.post(reverse("entries:verify", args=[entry.code]), {"decision": "approve", "notes": ""})
    entry.refresh_from_db()
    assert entry.status == Entry.Status.VERIFIED
    event = AuditEvent.objects.filter(model="entries.entry", object_id=str(entry.pk)).order_by("-at").first()
    assert "atas nama unit" in event.note
    # Disdukcapil has a verifier: there the organiser may not verify.
    dukcapil_entry = _dukcapil_entry()
    assert organiser.post(reverse("entries:verify", args=[dukcapil_entry.code]), {"decision": "approve"}).status_code == 403


def test_the_new_entry_page_says_who_verifies_for_a_unit_without_a_verifier(demo_users):
    from sayembara.entries.demo_open_edition import ensure_open_edition

    village = Institution.objects.get(name="Pemerintah Desa Kuta")
    person = User.objects.create_user(email="sekdes@example.org", username="sekdes", full_name="Sekdes", password="x")
    membership.grant(person, village, by=demo_users["organiser"])
    entry = entry_services.create_entry(person, ensure_open_edition(), "Posyandu Digital")
    client = Client()
    client.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("entries:edit", args=[entry.code])).content.decode()
    assert 'data-testid="no-verifier"' in page and "panitia memverifikasi" in page
