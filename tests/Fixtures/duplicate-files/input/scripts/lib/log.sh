# Logging helpers, sourced by the scripts.
log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}

die() {
  log "error: $*"
  exit 1
}
