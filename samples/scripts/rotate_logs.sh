#!/usr/bin/env bash
# Compress agent logs older than a day; drop archives older than 30 days.
set -euo pipefail

. "${BASH_SOURCE%/*}/lib/log.sh"

LOG_DIR=/opt/orbit/logs
find "$LOG_DIR" -name '*.log' -mtime +0 -exec gzip -f {} \;
find "$LOG_DIR" -name '*.log.gz' -mtime +30 -delete
log_info "rotated logs in $LOG_DIR"
