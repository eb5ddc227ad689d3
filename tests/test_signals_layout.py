"""Signals in `signals.py`, receivers in `receivers.py` (issue 17 item 8): read with `ast`, a
`@receiver(...)` decorator or a `<signal>.connect(...)` call anywhere but a `receivers.py`
fails, and so does a `Signal()` defined anywhere but a `signals.py`. Tests and migrations are
left out. The table of every signal, its sender and its receivers is in docs/architecture.md."""

import ast

from tests.sources import ROOT
from tests.sources import project_sources as _sources


def _name(node: ast.AST) -> str:
    """`receiver`, `Signal` for `receiver(...)`, `django.dispatch.Signal(...)` and the like."""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def misplaced(source: str, filename: str) -> list[str]:
    """What in `source` (a file called `filename`) is not where the convention puts it."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if filename != "receivers.py":
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [f"{node.lineno}: @receiver on {node.name}"
                          for d in node.decorator_list if _name(d) == "receiver"]
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr == "connect"):
                found.append(f"{node.lineno}: {ast.unparse(node.func)}(...)")
        if (filename != "signals.py" and isinstance(node, ast.Call)
                and _name(node) == "Signal"):
            found.append(f"{node.lineno}: Signal() defined")
    return found


def test_the_checker_finds_what_is_misplaced():
    source = ("from django.dispatch import Signal, receiver\n"
              "done = Signal()\n"
              "@receiver(done)\n"
              "def on_done(sender, **kwargs): ...\n"
              "done.connect(on_done)\n")
    assert len(misplaced(source, "handlers.py")) == 3
    assert misplaced(source, "receivers.py") == ["2: Signal() defined"]
    assert len(misplaced(source, "signals.py")) == 2


def test_signals_and_receivers_live_in_their_modules():
    problems = []
    for path in _sources():
        for problem in misplaced(path.read_text(encoding="utf-8"), path.name):
            problems.append(f"{path.relative_to(ROOT).as_posix()}:{problem}")
    assert not problems, ("Signals belong in signals.py and receivers in receivers.py "
                          "(docs/architecture.md):\n" + "\n".join(sorted(problems)))
