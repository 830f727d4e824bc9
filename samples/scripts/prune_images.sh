#!/usr/bin/env bash
set -euo pipefail

# Drop unused images and build cache older than a week.
docker image prune -f --filter "until=168h"
docker builder prune -f --filter "until=168h"
