#!/usr/bin/env bash
# Remove dangling images and stopped containers.
set -euo pipefail
echo "pruning"
docker container prune -f
docker image prune -f
docker volume prune -f
echo "pruned"
