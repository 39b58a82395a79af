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


def ref(stage, entry) -> str:
    """The entry's pseudonym in ``stage``: how jurors' pages and links name it."""
    from sayembara.jury import blind

    return blind.alias_for(stage, entry).pseudonym


@pytest.fixture
def presentation_open(judging):
    """The proposal stage closed and the presentation stage open, as after the blind stage in real practice."""
    from sayembara.editions.models import Stage

    judging["proposal"].status = Stage.Status.CLOSED
    judging["proposal"].save(update_fields=["status"])
    judging["presentation"].status = Stage.Status.OPEN
    judging["presentation"].save(update_fields=["status"])
    return judging
