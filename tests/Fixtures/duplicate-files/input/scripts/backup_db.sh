#!/usr/bin/env bash
# Dump the database before a maintenance window.
set -euo pipefail

DUMP_DIR="${DUMP_DIR:-/var/backups/orbit}"
KEEP_DAYS=7

dump_db() {
  local stamp target
  stamp="$(date +%Y%m%d-%H%M%S)"
  target="$DUMP_DIR/orbit-$stamp.sql.gz"
  mkdir -p "$DUMP_DIR"
  docker compose exec -T postgres pg_dump -U orbit orbit | gzip > "$target"
  echo "wrote $target"
}

prune_old_backups() {
  find "$DUMP_DIR" -name 'orbit-*.sql.gz' -mtime +"$KEEP_DAYS" -delete
}

dump_db
prune_old_backups
