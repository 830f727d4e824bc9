#!/usr/bin/env bash
# Start the worker with the settings of its own folder.
set -euo pipefail
source "$(dirname "$0")/env.sh"
: "${WORKER_NAME:?}"
: "${WORKER_QUEUE:?}"
echo "starting $WORKER_NAME"
exec worker --name "$WORKER_NAME" --queue "$WORKER_QUEUE"
