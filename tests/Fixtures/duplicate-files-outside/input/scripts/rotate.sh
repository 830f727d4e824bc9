#!/usr/bin/env bash
# Rotate the service logs and keep a week of them.
set -euo pipefail
cd /var/log/app
for log in *.log; do
  mv "$log" "$log.$(date +%u)"
done
kill -HUP "$(cat /run/app.pid)"
