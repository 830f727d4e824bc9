#!/usr/bin/env bash
set -euo pipefail

# Fail when the Docker data disk is more than 85% full.
usage=$(df --output=pcent /var/lib/docker | tail -n 1 | tr -dc '0-9')
if [ "$usage" -gt 85 ]; then
  echo "disk at ${usage}%: prune images first" >&2
  exit 1
fi
echo "disk at ${usage}%"
