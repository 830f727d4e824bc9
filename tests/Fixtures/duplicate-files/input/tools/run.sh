#!/usr/bin/env bash
set -euo pipefail
source "$(dirname "$0")/log.sh"
log "running tools"
