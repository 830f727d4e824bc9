#!/usr/bin/env bash
set -euo pipefail
if [ -f /etc/orbit.conf ]; then
  echo "configured"
