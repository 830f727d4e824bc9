#!/usr/bin/env bash
set -euo pipefail

# Skip hosts on the blacklist before starting the worker.
"$(dirname "$0")/migrate.sh"
exec python3 /app/worker.py
