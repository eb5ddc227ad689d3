"""Authorization in one convention (issue 17 item 2): a `can_*` / `may_*` predicate (private
ones too) is defined only in a `permissions.py`, built on lms.units.permissions and the
capability table (lms/units/capabilities.py); services and views call it. The sources are
walked with `ast`, like tests/test_import_cycles.py. See docs/architecture.md (Permissions)."""

import ast
import re
from pathlib import Path

from tests.sources import ROOT
from tests.sources import project_sources as _sources

PREDICATE = re.compile(r"_?(can|may)_\w+$|_?is_allowed\w*$")



def misplaced_predicates(sources, root: Path = ROOT) -> list[str]:
    found = []
    for path in sources:
        if path.name == "permissions.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):  # nested functions and methods count too
            if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and PREDICATE.match(node.name)):
                found.append(f"{path.relative_to(root)}:{node.lineno} {node.name}")
    return found


def test_permission_predicates_live_in_permissions_modules():
    misplaced = misplaced_predicates(_sources())
    assert not misplaced, ("authorization predicates outside a permissions.py (move them to the "
                           "app's permissions.py):\n" + "\n".join(misplaced))


def test_the_walk_finds_a_misplaced_predicate(tmp_path):
    services = tmp_path / "services.py"
    services.write_text("class Sheet:\n    def may_score(self):\n        return True\n\n"
                        "def _can_read(user):\n    return True\n")
    allowed = tmp_path / "permissions.py"
    allowed.write_text("def can_edit(user):\n    return True\n")
    found = misplaced_predicates([services, allowed], root=tmp_path)
    assert sorted(f.split(" ")[1] for f in found) == ["_can_read", "may_score"]


def test_the_only_access_module_is_the_view_decorators():
    """lms/units/access.py holds @public/@signed_in/@requires; an app's rules go in its
    permissions.py, not in a second `access.py`."""
    found = sorted(p.relative_to(ROOT).as_posix() for p in _sources() if p.name == "access.py")
    assert found == ["lms/units/access.py"]
