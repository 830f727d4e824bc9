#!/usr/bin/env bash
# Tidy up after a local run. No strict mode here, on purpose (see README).

cd "$(dirname "$0")/../tools" && ./cleanup.sh
rm -f /tmp/orbit-*.pid
echo "clean"
