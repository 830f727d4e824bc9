#!/usr/bin/env bash
# Print the versions of the tools the build needs.
set -euo pipefail
echo "tool versions:"
for tool in git docker python3 make; do
  printf '%-8s ' "$tool"
  "$tool" --version | head -1
done
echo "done"
