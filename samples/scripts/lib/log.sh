#!/usr/bin/env bash
# Logging helpers. Source this file; it only defines functions.

log_info() {
  printf '%s INFO  %s\n' "$(date -u +%FT%TZ)" "$*"
}

log_warn() {
  printf '%s WARN  %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}
