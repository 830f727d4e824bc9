#!/usr/bin/env bash
# Remove stopped containers, Python caches and test reports. Run from tools/.
set -euo pipefail

docker container prune -f
find .. -name '__pycache__' -type d -prune -exec rm -rf {} +
rm -rf ../agents/tester/reports
