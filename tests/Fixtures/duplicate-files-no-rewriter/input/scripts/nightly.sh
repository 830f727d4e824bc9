#!/usr/bin/env bash
set -euo pipefail
CHECK="$(dirname "$0")/../jobs/check.sh"
bash "$CHECK"
bash "$(dirname "$0")/../ops/check.sh"
