#!/usr/bin/env bash
# Exit non-zero unless every service answers.
set -euo pipefail
for port in 8000 8001 8002; do
  if ! curl -fsS --max-time 2 "http://localhost:${port}/health" > /dev/null; then
    echo "service on port ${port} is not healthy" >&2
    exit 1
  fi
done
echo "healthy"
