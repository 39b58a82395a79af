"""Who may open the registry's URLs."""

from tests.foundation.authz import ALL_200, only


def _innovation(fixtures):
    from sayembara.entries.models import Innovation

    return {"pk": Innovation.objects.get(title__startswith="JEBOL ANDUK").pk}


def _dukcapil_follow_up(fixtures, with_file=False):
    from django.core.files.base import ContentFile

    from sayembara.entries.models import Innovation
    from sayembara.registry.models import FollowUp

    innovation = Innovation.objects.get(title__startswith="JEBOL ANDUK")
    follow_up = FollowUp.objects.create(innovation=innovation, year=2099)
    if with_file:
        follow_up.evidence_file.save("sk-bupati.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return {"pk": follow_up.pk}


def _dukcapil_iid_file(fixtures):
    from django.core.files.base import ContentFile

    from sayembara.entries.models import Innovation
    from sayembara.registry.models import IidEvidence

    innovation = Innovation.objects.get(title__startswith="JEBOL ANDUK")
    evidence = IidEvidence(innovation=innovation, indicator="iid_regulasi", original_name="perbup.pdf",
                           content_type="application/pdf", size=13)
    evidence.file.save("perbup.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return {"pk": innovation.pk, "evidence": evidence.pk}


def _dukcapil_unit(fixtures):
    from sayembara.entries.models import Innovation

    return {"unit": Innovation.objects.get(title__startswith="JEBOL ANDUK").institution_id}


# A replication is recorded by a unit: its members and verifier. The organiser acts for no unit.
UNIT_MEMBERS = {"anonymous": 302, "outsider": 403, "innovator": 200, "verifier": 200, "juror": 403, "organiser": 403}
# The follow-up belongs to Disdukcapil: its innovator and verifier answer it, the organiser too; others never see it.
OWNERS_ONLY = {"anonymous": 302, "outsider": 404, "innovator": 200, "verifier": 200, "juror": 404, "organiser": 200,
               "other_unit": 404, "other_verifier": 404}

CASES = [
    ("registry:search", None, ALL_200),
    ("registry:detail", _innovation, ALL_200),
    ("registry:replicate", _innovation, UNIT_MEMBERS),
    ("registry:similar_check", None, only("innovator", "verifier", "organiser")),
    ("registry:duplicates", lambda f: {"year": 2020}, only("organiser")),
    ("registry:follow_ups", None, only("organiser")),
    ("registry:follow_up_answer", _dukcapil_follow_up, OWNERS_ONLY),
    ("registry:follow_up_evidence", lambda f: _dukcapil_follow_up(f, with_file=True), OWNERS_ONLY),
    # The IID profile and evidence are the unit's working file: its members, its verifier and the organiser.
    ("registry:iid_profile", _innovation, OWNERS_ONLY, OWNERS_ONLY),
    ("registry:iid_evidence_file", _dukcapil_iid_file, OWNERS_ONLY),
    ("registry:iid_unit", _dukcapil_unit, OWNERS_ONLY),
    ("registry:iid_export", _dukcapil_unit, OWNERS_ONLY),
    ("registry:iid_readiness", None, only("organiser")),
    # Later national results are recorded by the organiser (a POST; shown on the innovation's page).
    ("registry:record_outcome", _innovation, {**only(), "organiser": 405}, only("organiser")),
    ("registry:feed_rss", None, ALL_200),
    ("registry:feed_atom", None, ALL_200),
]
