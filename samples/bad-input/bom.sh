#!/usr/bin/env bash
set -euo pipefail
echo "saved with a UTF-8 byte order mark"
