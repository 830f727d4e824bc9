#!/usr/bin/env bash
set -euo pipefail
# TOOLS_DIR comes from the environment of whoever runs this.
bash "$TOOLS_DIR/sync.sh" /srv/shared backup:/srv/shared
