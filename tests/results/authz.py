"""Who may open the results URLs."""

from tests.foundation.authz import ALL_200, only


def _entry_code(f):
    return {"year": 2020, "code": f["edition"].entries.order_by("code").first().code}


def _objection(f):
    return {"year": 2020, "pk": f["edition"].objections.first().pk}


def _juror(f):
    return {"year": 2020, "juror_id": f["edition"].jurors.first().pk}


def _certificate(f):
    return {"code": f["edition"].certificates.filter(kind="winner").first().code}


def _paper_for_innovator(f):
    # An entry of the innovator's own unit (Disdukcapil) and team: innovator and verifier may read its papers.
    entry = f["edition"].entries.filter(team__user=f["users"]["innovator"]).order_by("code").first()
    return {"year": 2020, "code": entry.code, "kind": "feedback.pdf"}


def _printed_paper(f):
    # A recap the worker printed: a finished job and its file in storage.
    from sayembara.jobs.models import Job
    from sayembara.results import papers

    job = Job.objects.create(kind="sayembara.results.tasks.render_paper", state=Job.State.DONE,
                             kwargs={"year": 2020, "kind": "recap.pdf", "stage_order": None})
    papers.print_and_keep(f["edition"], "recap.pdf", None, job.pk)
    return {"year": 2020, "job_pk": job.pk}


POST_ONLY = {role: (302 if role == "anonymous" else 403) for role in ALL_200} | {"organiser": 405}
ORGANISER_ONLY = only("organiser")

CASES = [
    ("results:verify", None, ALL_200),
    ("results:certificate", _certificate, ALL_200),
    ("results:public", lambda f: {"year": 2020}, ALL_200),
    ("results:published_file", lambda f: {"year": 2020, "name": "scores.csv"}, ALL_200),
    ("results:objections", lambda f: {"year": 2020}, ALL_200),
    ("results:objection_answer", _objection, ORGANISER_ONLY),
    ("results:manage", lambda f: {"year": 2020}, ORGANISER_ONLY),
    ("results:compute", lambda f: {"year": 2020}, POST_ONLY, ORGANISER_ONLY),
    ("results:stage", lambda f: {"year": 2020, "order": 1}, ORGANISER_ONLY),
    ("results:advance", lambda f: {"year": 2020, "order": 1}, POST_ONLY, ORGANISER_ONLY),
    ("results:explain", _entry_code, ORGANISER_ONLY),
    # 2020 is published: even the organiser cannot post new awards.
    ("results:awards", lambda f: {"year": 2020}, ORGANISER_ONLY, only() ),
    ("results:correction", lambda f: {"year": 2020}, POST_ONLY, ORGANISER_ONLY),
    # The sequence's pages: each says what it will do (or why not yet) before its POST acts.
    ("results:provisional", lambda f: {"year": 2020}, ORGANISER_ONLY),
    ("results:decide", lambda f: {"year": 2020}, ORGANISER_ONLY),
    ("results:decree", lambda f: {"year": 2020}, ORGANISER_ONLY),
    ("results:publish", lambda f: {"year": 2020}, ORGANISER_ONLY),
    ("results:settings", lambda f: {"year": 2020}, ORGANISER_ONLY),
    ("results:jury_votes", lambda f: {"year": 2020}, POST_ONLY, ORGANISER_ONLY),
    ("results:documents", lambda f: {"year": 2020}, ORGANISER_ONLY),
    ("results:document", lambda f: {"year": 2020, "kind": "minutes.pdf"}, ORGANISER_ONLY),
    ("results:juror_sheets", _juror, ORGANISER_ONLY),
    ("results:printed_paper", _printed_paper, ORGANISER_ONLY),
    (
        "results:entry_paper",
        _paper_for_innovator,
        {"anonymous": 302, "outsider": 403, "innovator": 200, "verifier": 200, "juror": 403, "organiser": 200,
         "other_unit": 403, "other_verifier": 403},
    ),
]
