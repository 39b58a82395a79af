"""Who may open the foundation's URLs. Each app's tests folder has an ``authz.py`` like this one.

A case is (url name, kwargs factory or None, expectations), where expectations
maps every role to 200, 302 (login redirect or role redirect), 403 or 404.
The kwargs factory receives the demo fixtures and returns URL kwargs.
"""

ALL_200 = {role: 200 for role in ["anonymous", "outsider", "innovator", "verifier", "juror", "organiser"]}


def login_only(**overrides):
    base = {"anonymous": 302, "outsider": 200, "innovator": 200, "verifier": 200, "juror": 200, "organiser": 200}
    base.update(overrides)
    return base


def only(*roles, anonymous=302):
    base = {"anonymous": anonymous, "outsider": 403, "innovator": 403, "verifier": 403, "juror": 403, "organiser": 403}
    base.update({role: 200 for role in roles})
    return base


def _worker_beats(f):
    """/health/ answers 200 only while a worker's heartbeat is fresh: the matrix asks just after one."""
    from sayembara.jobs import heartbeat

    heartbeat.beat()
    return {}


def _group_2020(f):
    from sayembara.editions.models import EntryGroup

    return {"year": 2020, "group": EntryGroup.objects.get_or_create(edition=f["edition"], name="Umum")[0].pk}


def _criterion_2020(f):
    return {"year": 2020, "order": 1, "code": f["edition"].stages.get(order=1).criteria.first().code}


CASES = [
    ("home", None, ALL_200),
    ("health", _worker_beats, ALL_200),
    ("editions:list", None, ALL_200),
    ("editions:detail", lambda f: {"year": 2020}, ALL_200),
    ("accounts:login", None, login_only(anonymous=200, outsider=302, innovator=302, verifier=302, juror=302, organiser=302)),
    # Logging out is a POST; a GET is refused with 405 for everyone.
    ("accounts:logout", None, {role: 405 for role in ALL_200}, ALL_200),
    ("accounts:dashboard", None, login_only(outsider=302, innovator=302, verifier=302, juror=302, organiser=302)),
    ("accounts:profile", None, login_only()),
    ("editions:organiser_dashboard", None, only("organiser")),
    # Copying an edition is a POST: a GET is refused with 405 by the organiser, 403 for the others.
    ("editions:copy_edition", None, {**only(), "organiser": 405}, only("organiser")),
    # Opening an edition is a POST too; the published 2020 is refused with the reason (a redirect, not an error).
    ("editions:open_edition", lambda f: {"year": 2020}, {**only(), "organiser": 405}, only("organiser")),
    # The guided editor of an edition's rules: organisers only, GET and POST (an empty POST saves nothing).
    ("editions:setup", lambda f: {"year": 2020}, only("organiser"), only("organiser")),
    ("editions:setup_schedule", lambda f: {"year": 2020}, only("organiser"), only("organiser")),
    ("editions:setup_entry_rules", lambda f: {"year": 2020}, only("organiser"), only("organiser")),
    ("editions:setup_groups", lambda f: {"year": 2020}, only("organiser"), only("organiser")),
    ("editions:setup_shared_form", lambda f: {"year": 2020}, only("organiser"), only("organiser")),
    ("editions:setup_form", _group_2020, only("organiser"), only("organiser")),
    ("editions:take_shared_sections", _group_2020, {**only(), "organiser": 405}, only("organiser")),
    ("editions:setup_stages", lambda f: {"year": 2020}, only("organiser"), only("organiser")),
    ("editions:setup_stage", lambda f: {"year": 2020, "order": 1}, only("organiser"), only("organiser")),
    ("editions:setup_levels", _criterion_2020, only("organiser"), only("organiser")),
    ("editions:apply_preset", lambda f: {"year": 2020}, {**only(), "organiser": 405}, only("organiser")),
    ("editions:new_edition", None, {**only(), "organiser": 405}, only("organiser")),
    ("entries:innovator_dashboard", None, only("innovator")),
    ("entries:verifier_dashboard", None, only("verifier")),
    ("jury:dashboard", None, only("juror")),
    ("javascript-catalog", None, ALL_200),
    ("audit:trail", None, only("organiser")),
    ("set_language", None, {role: 302 for role in ALL_200}),
]
