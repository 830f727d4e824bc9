#!/usr/bin/env bash
set -euo pipefail

# conceptual deploy: nothing is pushed
export CONCEPTUAL_MODE=1
echo "mode: $CONCEPTUAL_MODE"
