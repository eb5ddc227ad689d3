"""PostgreSQL indexes for the bounded read path (issue 18, search row; search/backends/postgres.py):

- `title_tsv`, the title's folded words as a stored tsvector, so "every query word is in the
  title" (the best-ranked tier) is one GIN lookup instead of LIKEs over every match;
- both tsvectors indexed together with `kind` (btree_gin), so a kind filter and the per-kind
  counts narrow inside the index instead of filtering heap rows.

The old single-column index on text_tsv is replaced by the (kind, text_tsv) one, which serves
queries on text_tsv alone as well. Nothing to do on SQLite."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS title_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', title_folded)) STORED",
    "CREATE INDEX IF NOT EXISTS search_entry_kind_text_tsv ON search_searchentry "
    "USING gin (kind, text_tsv)",
    "CREATE INDEX IF NOT EXISTS search_entry_kind_title_tsv ON search_searchentry "
    "USING gin (kind, title_tsv)",
    "DROP INDEX IF EXISTS search_entry_text_tsv",
    "ANALYZE search_searchentry",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS search_entry_text_tsv ON search_searchentry USING gin (text_tsv)",
    "DROP INDEX IF EXISTS search_entry_kind_title_tsv",
    "DROP INDEX IF EXISTS search_entry_kind_text_tsv",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_tsv",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_head_exact")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
