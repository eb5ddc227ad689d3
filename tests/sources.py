"""The project's own Python sources, for the layout tests that read code with `ast`
(import cycles, permission predicates, signals layout, writes in services)."""

from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Not the product's code: environments, assets, tests, migrations and the benches/scripts.
SKIP = {".venv", "node_modules", "tests", "migrations", "static", "bench", "scripts", ".git"}


def project_sources() -> Iterator[Path]:
    for path in ROOT.rglob("*.py"):
        if not SKIP & set(path.relative_to(ROOT).parts):
            yield path
