"""Writes go through services (issue 17 item 3): read with `ast`, an ORM write call outside an
app's `services.py` or `services/` package fails, naming the file, line and call.

What counts as an ORM write call:
- `bulk_create`, `bulk_update`, `get_or_create`, `update_or_create` on anything;
- `create`, `update`, `delete` on a manager or queryset chain (`Model.objects…`);
- `x.save()` with no positional argument and only ORM keywords (`update_fields`, `using`,
  `force_insert`, `force_update`) — `workbook.save(out)`, `file.save(name, content)`,
  `form.save(commit=False)` and `super().save(...)` are not;
- `x.delete()` with no argument at all (`field_file.delete(save=False)` is not).
Not seen (say so rather than pretend): writes through a queryset kept in a variable, related
managers (`user.roles.create`), many-to-many `add`/`remove`, raw SQL.

Allowed outside services, and why:
- demo data seeding: each app's `demo.py` / `demo_*.py` and `lms/demo/`, run only by
  `load_demo` to build a demonstration database (seeding, not the app's behaviour);
- tests and migrations (not read here).
PENDING would list a module whose writes still have to move, with why it waits (empty now).
It may only shrink: a module that no longer writes must leave the list."""

import ast
from pathlib import Path

from tests.sources import ROOT
from tests.sources import project_sources as _sources

ALWAYS = {"bulk_create", "bulk_update", "get_or_create", "update_or_create"}
ON_QUERYSETS = {"create", "update", "delete"}
SAVE_KEYWORDS = {"update_fields", "using", "force_insert", "force_update"}

# module → why its writes have not moved yet. Empty: every write has moved (issue 17 item 3);
# an entry needs its reason and a plan to leave.
PENDING: dict[str, str] = {}



def _on_manager(node: ast.AST) -> bool:
    """The call's receiver is a `….objects…` chain (a manager or a queryset built from one)."""
    while True:
        if isinstance(node, ast.Attribute):
            if node.attr == "objects":
                return True
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            return False


def is_write(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return False
    name, receiver = node.func.attr, node.func.value
    if name in ALWAYS:
        return True
    if name in ON_QUERYSETS and _on_manager(receiver):
        return True
    if isinstance(receiver, ast.Call) and getattr(receiver.func, "id", "") == "super":
        return False  # a model's own save()/delete() override calling Django's
    if name == "save":
        return not node.args and all(k.arg in SAVE_KEYWORDS for k in node.keywords)
    return name == "delete" and not node.args and not node.keywords


def allowed(rel: Path) -> bool:
    if rel.name == "services.py" or "services" in rel.parts[:-1]:
        return True
    return (rel.name == "demo.py" or rel.name.startswith("demo_")
            or rel.parts[:2] == ("lms", "demo"))


def writes_in(source: str) -> list[str]:
    return [f"{node.lineno}: {ast.unparse(node)[:80]}" for node in ast.walk(ast.parse(source))
            if is_write(node)]


def test_the_checker_tells_writes_from_lookalikes():
    writes = writes_in("Role.objects.filter(pk=1).update(ended_at=None)\n"
                       "Score.objects.update_or_create(sheet=s, defaults={})\n"
                       "photo.save(update_fields=['alt'])\n"
                       "sheet.save()\n"
                       "assignment.delete()\n"
                       "Attendance.objects.create(user=u)\n")
    assert len(writes) == 6
    assert writes_in("context.update(extra)\n"
                     "digest.update(b'x')\n"
                     "workbook.save(out)\n"
                     "photo.image.save(name, content, save=False)\n"
                     "photo.image.delete(save=False)\n"
                     "form.save(commit=False)\n"
                     "super().save(*args, **kwargs)\n"
                     "client.indices.create(index='x')\n") == []


def test_orm_writes_only_in_services():
    found: dict[str, list[str]] = {}
    for path in _sources():
        rel = path.relative_to(ROOT)
        if not allowed(rel):
            writes = writes_in(path.read_text(encoding="utf-8"))
            if writes:
                found[rel.as_posix()] = writes
    outside = {module: lines for module, lines in found.items() if module not in PENDING}
    assert not outside, ("ORM writes belong in the app's services (docs/architecture.md):\n"
                         + "\n".join(f"{m}:{line}" for m, lines in sorted(outside.items())
                                     for line in lines))
    moved = sorted(set(PENDING) - set(found))
    assert not moved, f"no longer writing, take them off PENDING: {moved}"
