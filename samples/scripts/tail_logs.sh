#!/usr/bin/env bash
set -euo pipefail

# Follow the logs of one service (default: planner).
service="${1:-planner}"
docker compose logs --follow --tail 100 "$service"
