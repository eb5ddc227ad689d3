"""Print the role-capability table (lms/units/capabilities.py) as Markdown, or write it into
docs/security.md between its markers:

    manage.py capability_table            # print
    manage.py capability_table --write    # refresh docs/security.md
tests/units/test_docs_capability_table.py fails while the docs and the code differ."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.units.capabilities import TABLE_END, TABLE_START, capability_table_markdown


def docs_path() -> Path:
    return Path(settings.BASE_DIR) / "docs" / "security.md"


class Command(BaseCommand):
    help = "Print the role-capability table, or write it into docs/security.md (--write)."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true")

    def handle(self, *args, write=False, **options):
        table = capability_table_markdown()
        if not write:
            self.stdout.write(table)
            return
        path = docs_path()
        text = path.read_text(encoding="utf-8")
        if TABLE_START not in text or TABLE_END not in text:
            raise CommandError(f"{path}: the table markers are missing.")
        head, rest = text.split(TABLE_START, 1)
        _old, tail = rest.split(TABLE_END, 1)
        path.write_text(f"{head}{TABLE_START}\n{table}\n{TABLE_END}{tail}", encoding="utf-8")
        self.stdout.write(f"Wrote the table into {path}.")
