"""No import climbs the layers (as pretalx checks its import rules).

editions < entries < jury < results < registry, insights < portal; the foundation (institutions, accounts,
audit, jobs and the shared modules in sayembara/*.py) imports none of them. An app may import its own layer and
the ones below, at module level or inside a function alike: a deferred import is still a dependency.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "sayembara"
FOUNDATION = {"institutions", "accounts", "audit", "backups", "jobs"}
LAYERS = [FOUNDATION, {"editions"}, {"entries"}, {"jury"}, {"results"}, {"registry", "insights", "telegram"},
          {"portal"}, {"api"}]
RANK = {app: level for level, apps in enumerate(LAYERS) for app in apps}
# Whole-site wiring may import everything.
EXEMPT = {"urls.py", "demo.py", "settings.py", "settings_production.py", "wsgi.py", "admin_tools.py"}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno


def _violations():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if "migrations" in relative.parts or (len(relative.parts) == 1 and relative.name in EXEMPT):
            continue
        # A module of the app it sits in, or a shared foundation module (sayembara/params.py and the like).
        own = relative.parts[0] if len(relative.parts) > 1 else None
        own_rank = RANK.get(own, 0)
        for module, line in _imports(path):
            parts = module.split(".")
            if parts[0] != "sayembara" or len(parts) < 2 or parts[1] == own or parts[1] not in RANK:
                continue
            if RANK[parts[1]] > own_rank:
                found.append(f"{relative}:{line} imports {module} (layer {RANK[parts[1]]} above {own_rank})")
    return found


def test_no_import_climbs_the_layers():
    assert _violations() == []


def test_every_app_has_a_layer():
    apps = {p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists()}
    assert apps == set(RANK), apps ^ set(RANK)
