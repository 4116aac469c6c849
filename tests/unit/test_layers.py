"""The import rules of ARCHITECTURE.md, file by file."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imports(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def test_bot_never_imports_slack():
    offenders = {
        f: n
        for f, n in imports("bot").items()
        if any(m.split(".")[0] in ("slack_bolt", "slack_sdk") for m in n)
    }
    assert offenders == {}


def test_only_the_composition_root_reaches_up_to_handlers():
    reaching = {f for f, n in imports("bot").items() if any(m.startswith("handlers") for m in n)}
    assert reaching == {"bot/bootstrap.py"}


def _top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_product_never_imports_the_dev_kit():
    """devkit (fake Slack, demo, request builders) is for tests and bench; the product reaches
    it only from the `casebot demo` command, inside the function, so nothing else loads it."""
    reaching = {
        f
        for package in ("bot", "storage", "handlers")
        for f, n in imports(package).items()
        if any(m.split(".")[0] == "devkit" for m in n)
    }
    assert reaching == {"bot/cli/runtime.py"}
    lazily = _top_level_imports(ROOT / "bot/cli/runtime.py")
    assert not any(m.split(".")[0] == "devkit" for m in lazily)


def test_handlers_never_touch_the_database():
    offenders = {
        f: n
        for f, n in imports("handlers").items()
        if any(m.split(".")[0] in ("sqlalchemy", "storage") for m in n)
    }
    assert offenders == {}


# The domain's errors and roles live in leaves that the command line loads alone (start-up).
DOMAIN_LEAVES = ("bot.errors", "bot.roles")


def test_storage_imports_only_the_domain_from_bot():
    # env.py reads Casebot's settings only when a developer runs `alembic` by hand.
    domain = ("bot.domain", *DOMAIN_LEAVES)
    offenders = {
        f: n
        for f, n in imports("storage").items()
        if f != "storage/migrations/env.py"
        and any((m.startswith("bot") and m not in domain) or m.startswith("handlers") for m in n)
    }
    assert offenders == {}


def test_domain_imports_nothing_of_the_project_but_its_leaves():
    found = imports("bot")
    names = [n for n in found["bot/domain.py"] if n not in DOMAIN_LEAVES]
    assert not any(n.split(".")[0] in ("bot", "storage", "handlers") for n in names)
    for leaf in DOMAIN_LEAVES:
        path = leaf.replace(".", "/") + ".py"
        assert not any(n.split(".")[0] in ("bot", "storage", "handlers") for n in found[path])


def test_no_import_cycles():
    """No two project modules import each other, directly or in a loop (lazy imports count)."""
    graph: dict[str, set[str]] = {}
    for package in ("bot", "storage", "handlers", "devkit"):
        for path, names in imports(package).items():
            module = path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
            graph[module] = {
                n for n in names if n.split(".")[0] in ("bot", "storage", "handlers", "devkit")
            }
    modules = set(graph)

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    edges = {
        m: {r for n in targets if (r := resolve(n)) and r != m} for m, targets in graph.items()
    }
    # Package __init__ modules are reached by every submodule import; only real modules count.
    packages = {m for m in modules if (ROOT / m.replace(".", "/") / "__init__.py").exists()}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if nxt in packages:
                continue
            if state.get(nxt) == 1:
                cycle.extend([*trail[trail.index(nxt) :], nxt])
                return
            if nxt not in state:
                visit(nxt, [*trail, nxt])
                if cycle:
                    return
        state[node] = 2

    for module in sorted(modules - packages):
        if module not in state and not cycle:
            visit(module, [module])
    assert cycle == [], " -> ".join(cycle)


def _writes_sql(path: Path) -> bool:
    """Imports sqlalchemy, takes a ``session``, or reaches a session's methods."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(
            a.name.split(".")[0] == "sqlalchemy" for a in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlalchemy":
            return True
        if isinstance(node, ast.arg) and node.arg == "session":
            return True
        if isinstance(node, ast.Attribute) and node.attr == "session":
            return True
        if isinstance(node, ast.Name) and node.id == "Session":
            return True
    return False


def test_services_ask_repositories_and_write_no_sql():
    """A service asks ``uow.<repository>``: no sqlalchemy import, no session in hand. Every query
    lives in storage/repositories/ behind the unit of work."""
    writing = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "bot/services").rglob("*.py")
        if _writes_sql(path)
    }
    assert writing == set()
