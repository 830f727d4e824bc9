#!/usr/bin/env bash
# Post a message to the team channel.
set -euo pipefail
message="${1:?message}"
url="${WEBHOOK_URL:?}"
echo "posting"
curl -fsS -X POST -H 'Content-Type: application/json' \
  -d "{\"text\": \"${message}\"}" "$url"
echo "sent"
