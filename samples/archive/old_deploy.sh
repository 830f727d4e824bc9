#!/usr/bin/env bash
# Build, migrate and start the orbit stack on this host.
set -euo pipefail

source "$(dirname "$0")/lib/common.sh"

# conceptual mode: agents plan but never push changes
CONCEPTUAL_MODE=1
export CONCEPTUAL_MODE

require_cmd docker
"$(dirname "$0")/build.sh"
"$(dirname "$0")/migrate.sh"
docker compose -f "$(orbit_root)/docker-compose.yml" up -d
echo "orbit deployed"
