#!/usr/bin/env bash
# Check that the disk has room for today's jobs.
set -euo pipefail
used=$(df --output=pcent / | tail -1 | tr -dc '0-9')
if [ "$used" -gt 90 ]; then
  echo "disk ${used}% full" >&2
  exit 1
fi
echo "disk ok"
