#!/usr/bin/env bash
# Shared helpers. Source this file; it only defines functions.

die() {
  echo "error: $*" >&2
  exit 1
}

require_cmd() {
  command -v "$1" > /dev/null 2>&1 || die "missing command: $1"
}

orbit_root() {
  (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
}
