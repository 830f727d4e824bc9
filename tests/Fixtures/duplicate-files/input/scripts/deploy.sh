#!/usr/bin/env bash
set -euo pipefail
. "$(dirname "$0")/lib/log.sh"
log "deploying"
docker compose up -d
