"""Bounded GIN pending lists for the search indexes (issue 18, search row at 100,000 items).

GIN's fast update queues new entries in a pending list (up to gin_pending_list_limit, 4 MB by
default) until VACUUM merges them into the index, and every search reads that whole list:
after indexing 100,000 items the title index's list held 15,618 entries (381 pages) and the
text index's 293 pages, read by every search before autovacuum came by. 256 kB keeps batched
insertion (a reindex still writes in bulk) while bounding what each search reads; the lists
left now are merged at once. Nothing to do on SQLite."""

from django.db import migrations

INDEXES = ["search_entry_kind_text_tsv", "search_entry_kind_title_tsv", "search_entry_title_trgm"]
FORWARD = [*(f"ALTER INDEX IF EXISTS {name} SET (gin_pending_list_limit = 256)"
             for name in INDEXES),
           *(f"SELECT gin_clean_pending_list('{name}'::regclass) WHERE to_regclass('{name}')"
             " IS NOT NULL" for name in INDEXES)]
BACKWARD = [f"ALTER INDEX IF EXISTS {name} RESET (gin_pending_list_limit)" for name in INDEXES]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0005_postgres_ranked_indexes")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
