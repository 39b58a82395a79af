import pytest


@pytest.fixture
def judging(db):
    """The 2026 judging demo edition, built inside the test's transaction."""
    from sayembara.editions.models import Stage
    from sayembara.jury.demo import prepare_judging_demo

    edition = prepare_judging_demo()
    stages = {s.kind: s for s in Stage.objects.filter(edition=edition)}
    return {"edition": edition, "proposal": stages["proposal"], "presentation": stages["presentation"],
            "interview": stages["interview"]}


@pytest.fixture
def jurors(judging):
    from sayembara.jury.models import Juror

    return {j.element: j for j in Juror.objects.filter(edition=judging["edition"]).select_related("user")}
