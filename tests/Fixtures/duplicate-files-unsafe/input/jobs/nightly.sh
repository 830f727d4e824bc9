#!/usr/bin/env bash
# Run from the repository root by the nightly job.
set -euo pipefail
bash lib/prune.sh
bash scripts/prune.sh
bash lib/prune.sh
