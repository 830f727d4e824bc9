#!/usr/bin/env bash
# Mirror the shared folder to the backup host.
set -euo pipefail
src="${1:?source folder}"
dst="${2:?destination}"
echo "syncing $src to $dst"
rsync -a --delete "$src/" "$dst/"
touch "$src/.last-sync"
echo "synced $src to $dst"
