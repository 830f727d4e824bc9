#!/usr/bin/env bash
# Nightly backup of the orbit database (see ops/crontab).
set -euo pipefail

BACKUP_DIR="${BACKUP_DIR:-/var/backups/orbit}"
KEEP_DAYS=7

backup_database() {
  local stamp target
  stamp="$(date +%Y%m%d-%H%M%S)"
  target="$BACKUP_DIR/orbit-$stamp.sql.gz"
  mkdir -p "$BACKUP_DIR"
  docker compose exec -T postgres pg_dump -U orbit orbit | gzip > "$target"
  echo "wrote $target"
}

prune_old_backups() {
  find "$BACKUP_DIR" -name 'orbit-*.sql.gz' -mtime +"$KEEP_DAYS" -delete
}

backup_database
prune_old_backups
