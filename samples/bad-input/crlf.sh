#!/usr/bin/env bash
set -euo pipefail
echo "saved with Windows line endings"
