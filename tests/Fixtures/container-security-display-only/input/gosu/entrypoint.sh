#!/bin/sh
# Fix the data folder's owner, then drop to the service user.
set -eu
chown -R 1000:1000 /data
exec gosu 1000:1000 "$@"
