"""No import cycle between apps (issue 17): the app-level import graph, built from the sources
with `ast`, is acyclic. An app is a folder holding apps.py; imports at module level and inside
functions both count; tests and migrations are left out. See docs/architecture.md (layers)."""

import ast

from tests.sources import ROOT
from tests.sources import project_sources as _sources


def _apps() -> list[str]:
    found = {p.parent.relative_to(ROOT).as_posix().replace("/", ".")
             for p in _sources() if p.name == "apps.py"}
    return sorted(found, key=len, reverse=True)  # the innermost app wins (courses.h5p)


def _app_of(module: str, apps: list[str]) -> str | None:
    return next((a for a in apps if module == a or module.startswith(a + ".")), None)


def _imported(tree: ast.AST, package: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):  # every node: imports inside functions count too
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, dict[str, set[str]]]:
    """app → imported app → the files that import it."""
    apps = _apps()
    graph: dict[str, dict[str, set[str]]] = {a: {} for a in apps}
    for path in _sources():
        rel = path.relative_to(ROOT)
        module = rel.with_suffix("").as_posix().replace("/", ".")
        source = _app_of(module, apps)
        if source is None:
            continue
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(rel))
        for name in _imported(tree, package):
            target = _app_of(name, apps)
            if target and target != source:
                graph[source].setdefault(target, set()).add(rel.as_posix())
    return graph


def cycles(graph: dict[str, dict[str, set[str]]]) -> list[list[str]]:
    """Strongly connected components of more than one app (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_graph_sees_the_apps_and_their_imports():
    graph = import_graph()
    assert {"courses", "courses.h5p", "lms.accounts", "lms.units", "search"} <= set(graph)
    assert "lms.units" in graph["lms.accounts"]  # accounts builds on units
    assert "lms.accounts" in graph["lms.families"]


def test_cycles_are_found():
    graph = {"a": {"b": {"a/x.py"}}, "b": {"c": {"b/y.py"}}, "c": {"a": {"c/z.py"}}, "d": {}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycle_between_apps():
    graph = import_graph()
    report = []
    for component in cycles(graph):
        members = set(component)
        edges = [f"  {a} -> {b} ({', '.join(sorted(graph[a][b]))})"
                 for a in component for b in sorted(graph[a]) if b in members]
        report.append(" ↔ ".join(component) + "\n" + "\n".join(edges))
    assert not report, "import cycles between apps:\n" + "\n".join(report)

