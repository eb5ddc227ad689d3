"""The "did you mean" vocabulary's trigram index gets the bounded GIN pending list 0006 gave the
entry indexes (issue 18, search row at 100,000 items).

Migration 0006 left out `search_word_trgm`. After indexing 100,000 items its pending list held
28,336 entries (417 pages), and a typo's lookup (`word % 'nghep'`) read all of it — or the
planner, pricing that in, scanned all 100,040 words computing trigrams: 74 ms of PostgreSQL CPU
for one correction. 256 kB as for the other indexes, and the list left is merged at once.
Results are unchanged: a storage parameter changes where new entries wait, not what a scan
returns. Nothing to do on SQLite."""

from django.db import migrations

NAME = "search_word_trgm"
FORWARD = [f"ALTER INDEX IF EXISTS {NAME} SET (gin_pending_list_limit = 256)",
           f"SELECT gin_clean_pending_list('{NAME}'::regclass) WHERE to_regclass('{NAME}')"
           " IS NOT NULL"]
BACKWARD = [f"ALTER INDEX IF EXISTS {NAME} RESET (gin_pending_list_limit)"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_gin_pending_list_limit")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
