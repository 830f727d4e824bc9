#!/usr/bin/env bash
# Build every agent image through compose.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$SCRIPT_DIR/lib/common.sh"

require_cmd docker
docker compose -f "$SCRIPT_DIR/../docker-compose.yml" build --pull
echo "images built"
