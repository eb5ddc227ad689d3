#!/usr/bin/env bash
# Backup of HọcMở: the database (pg_dump custom format) and the media folder (tar.gz), dated,
# with the row count of every table taken in the SAME snapshot as the dump (the restore drill
# compares against it). docs/operations.md, "Backups".
#
#   DATABASE_URL=postgres://user@host:5432/hocmo scripts/backup.sh [BACKUP_DIR]
#
# BACKUP_DIR (default $HOCMO_BACKUP_DIR or ./backups) gets, for stamp YYYYmmddTHHMMSSZ:
#   db-<stamp>.dump  counts-<stamp>.tsv  media-<stamp>.tar.gz (DJANGO_MEDIA_ROOT, default ./media)
# Private file roots (HOCMO_*_ROOT) outside the media folder: list them in HOCMO_BACKUP_EXTRA_DIRS
# (space-separated); each goes into files-<stamp>-<n>.tar.gz. Old backups are not pruned here.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database}"
BACKUP_DIR="${1:-${HOCMO_BACKUP_DIR:-./backups}}"
MEDIA_ROOT="${DJANGO_MEDIA_ROOT:-./media}"
DB_URL="${DATABASE_URL/#postgresql:/postgres:}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$BACKUP_DIR"

COUNTS_SQL="SELECT table_name, (xpath('/row/c/text()', query_to_xml(format(
  'SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text
  FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
  ORDER BY 1"

# One transaction holds a snapshot open; the counts and pg_dump both read that snapshot.
coproc HOLD { psql "$DB_URL" -qAtX -v ON_ERROR_STOP=1; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${HOLD[1]}"
read -r SNAPSHOT <&"${HOLD[0]}"
psql "$DB_URL" -qAtX -v ON_ERROR_STOP=1 -F $'\t' \
  -c "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" \
  -c "SET TRANSACTION SNAPSHOT '$SNAPSHOT'" -c "$COUNTS_SQL" -c "COMMIT" \
  > "$BACKUP_DIR/counts-$STAMP.tsv.part"
pg_dump --format=custom --no-owner --no-privileges --snapshot="$SNAPSHOT" \
  --file="$BACKUP_DIR/db-$STAMP.dump.part" "$DB_URL"
echo "COMMIT;" >&"${HOLD[1]}"
exec {HOLD[1]}>&-
wait "$HOLD_PID" 2>/dev/null || true

if [ -d "$MEDIA_ROOT" ]; then
  tar -czf "$BACKUP_DIR/media-$STAMP.tar.gz.part" -C "$(dirname "$MEDIA_ROOT")" "$(basename "$MEDIA_ROOT")"
  mv "$BACKUP_DIR/media-$STAMP.tar.gz.part" "$BACKUP_DIR/media-$STAMP.tar.gz"
fi
n=0
for extra in ${HOCMO_BACKUP_EXTRA_DIRS:-}; do
  n=$((n + 1))
  tar -czf "$BACKUP_DIR/files-$STAMP-$n.tar.gz" -C "$(dirname "$extra")" "$(basename "$extra")"
done
# The dump last: a db-*.dump present means the whole backup is there.
mv "$BACKUP_DIR/counts-$STAMP.tsv.part" "$BACKUP_DIR/counts-$STAMP.tsv"
mv "$BACKUP_DIR/db-$STAMP.dump.part" "$BACKUP_DIR/db-$STAMP.dump"
echo "backup $STAMP in $BACKUP_DIR ($(wc -l < "$BACKUP_DIR/counts-$STAMP.tsv") tables)"
