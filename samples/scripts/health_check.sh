#!/usr/bin/env bash
# Exit non-zero unless every agent answers on /health.
set -euo pipefail

for port in 8080 8081 8082 8083; do
  if ! curl -fsS --max-time 2 "http://localhost:${port}/health" > /dev/null; then
    echo "agent on port ${port} is not healthy" >&2
    exit 1
  fi
done
echo "all agents healthy"
