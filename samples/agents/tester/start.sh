#!/usr/bin/env bash
# Container entrypoint: wait for consul, then start the agent.
set -euo pipefail

: "${AGENT_NAME:?AGENT_NAME must be set}"
: "${AGENT_PORT:=8080}"
until curl -fsS "http://${CONSUL_HOST:-consul}:8500/v1/status/leader" > /dev/null; do
  echo "waiting for consul..."
  sleep 2
done
exec python /app/app.py --name "$AGENT_NAME" --port "$AGENT_PORT"
