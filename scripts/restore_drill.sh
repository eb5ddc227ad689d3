#!/usr/bin/env bash
# Restore drill: the latest backup in BACKUP_DIR restored into a FRESH database, then checked —
# every table's row count equals the count taken with the dump, the media archive reads back,
# a report page renders and a demo sign-in works (scripts/drill_check.py). Exit 0 only if all
# pass. docs/operations.md, "Backups".
#
#   DRILL_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hocmo_drill scripts/restore_drill.sh [BACKUP_DIR]
#
# The drill database is DROPPED and created anew: never point it at a live database.
# DRILL_USERNAME / DRILL_PASSWORD: the account to sign in with (default the demo officer
# `canbo.so` and HOCMO_DEMO_PASSWORD); DRILL_REPORT_PATH: the page to render (default /bao-cao/).
set -euo pipefail

BACKUP_DIR="${1:-${HOCMO_BACKUP_DIR:-./backups}}"
: "${DRILL_DATABASE_URL:?DRILL_DATABASE_URL must name a throwaway PostgreSQL database}"
URL="${DRILL_DATABASE_URL/#postgresql:/postgres:}"
NAME="${URL##*/}"; NAME="${NAME%%\?*}"
ADMIN_URL="${URL%/*}/postgres"
PYTHON="${PYTHON:-.venv/bin/python}"
started=$(date +%s)

DUMP="$(ls -1 "$BACKUP_DIR"/db-*.dump 2>/dev/null | sort | tail -n 1)"
[ -n "$DUMP" ] || { echo "FAIL no db-*.dump in $BACKUP_DIR"; exit 1; }
STAMP="$(basename "$DUMP" .dump)"; STAMP="${STAMP#db-}"
echo "drill: backup $STAMP -> database $NAME"

psql "$ADMIN_URL" -qAtX -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$NAME\" WITH (FORCE)" \
  -c "CREATE DATABASE \"$NAME\""
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$URL" "$DUMP"

COUNTS_SQL="SELECT table_name, (xpath('/row/c/text()', query_to_xml(format(
  'SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text
  FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
  ORDER BY 1"
restored="$(mktemp)"; media="$(mktemp -d)"
trap 'rm -rf "$restored" "$media"' EXIT
psql "$URL" -qAtX -v ON_ERROR_STOP=1 -F $'\t' -c "$COUNTS_SQL" > "$restored"
if ! diff -u "$BACKUP_DIR/counts-$STAMP.tsv" "$restored"; then
  echo "FAIL table counts differ (above: - at backup, + restored)"; exit 1
fi
echo "ok   counts: $(wc -l < "$restored") tables, $(awk -F '\t' '{s+=$2} END {print s+0}' "$restored") rows match"

if [ -f "$BACKUP_DIR/media-$STAMP.tar.gz" ]; then
  tar -xzf "$BACKUP_DIR/media-$STAMP.tar.gz" -C "$media"
  echo "ok   media: $(find "$media" -type f | wc -l) files read back"
  MEDIA_DIR="$(find "$media" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
else
  echo "note no media archive for $STAMP"; MEDIA_DIR="$media"
fi

DATABASE_URL="$URL" DJANGO_MEDIA_ROOT="$MEDIA_DIR" "$PYTHON" scripts/drill_check.py
echo "PASS restore drill of $STAMP in $(( $(date +%s) - started )) s"
