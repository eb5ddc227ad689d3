"""On PostgreSQL: a stored tsvector of the (already folded) text with a GIN index, which serves
word-prefix and phrase matching; pg_trgm for titles (autocomplete, typo candidates); unaccent
(available to SQL; the index itself is folded by lms.common.text.vn_fold so that every backend folds
exactly alike). Nothing to do on SQLite, where the same matching is a LIKE on padded text."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS text_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', text_folded)) STORED",
    "CREATE INDEX IF NOT EXISTS search_entry_text_tsv ON search_searchentry USING gin (text_tsv)",
    "CREATE INDEX IF NOT EXISTS search_entry_title_trgm ON search_searchentry "
    "USING gin (title_folded gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_title_trgm",
    "DROP INDEX IF EXISTS search_entry_text_tsv",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS text_tsv",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
