"""Deciding the winners by entry number: one text field per prize row, never a list of every entry."""

from django.urls import reverse

from sayembara.results import services
from sayembara.results.models import Award


def _rows(data):
    post = {"form-TOTAL_FORMS": str(len(data)), "form-INITIAL_FORMS": "0"}
    for i, (code, title, order) in enumerate(data):
        post.update({f"form-{i}-entry": code, f"form-{i}-title": title, f"form-{i}-order": str(order)})
    return post


def test_the_form_proposes_by_number_and_saves_typed_numbers(client_as, undecided_2019):
    services.compute_ranking(undecided_2019)
    Award.objects.filter(edition=undecided_2019).delete()
    client = client_as("organiser")
    page = client.get(reverse("results:awards", args=[2019])).content.decode()
    first = services.propose_awards(undecided_2019, services.latest_run(undecided_2019))[0]["row"].entry
    assert f'value="{first.code}"' in page and first.title in page
    assert "<option" not in page.split('data-testid="awards-form"')[1].split("</table>")[0]
    second = undecided_2019.entries.filter(status="passed").exclude(pk=first.pk).order_by("code").first()
    response = client.post(reverse("results:awards", args=[2019]),
                           _rows([(first.code.lower(), "Juara I", 1), (f"  {second.code} ", "Juara II", 2)]))
    assert response.status_code == 302
    assert list(Award.objects.filter(edition=undecided_2019).order_by("order").values_list("entry", "title")) == [
        (first.pk, "Juara I"), (second.pk, "Juara II")]


def test_an_unknown_number_is_refused_in_words_and_nothing_changes(client_as, undecided_2019):
    before = list(Award.objects.filter(edition=undecided_2019).values_list("pk", "entry", "title"))
    entry = undecided_2019.entries.first()
    response = client_as("organiser").post(reverse("results:awards", args=[2019]),
                                           _rows([(entry.code, "Juara I", 1), ("KIPP-9999-999", "Juara II", 2)]))
    assert response.status_code == 200
    assert "Tidak ada entri pada penyelenggaraan ini dengan nomor “KIPP-9999-999”." in response.content.decode()
    assert list(Award.objects.filter(edition=undecided_2019).values_list("pk", "entry", "title")) == before
