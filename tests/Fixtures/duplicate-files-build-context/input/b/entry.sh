#!/bin/sh
# Container entry point: wait for the database, then start the service.
set -eu
until nc -z "${DB_HOST:-db}" 5432; do
  echo "waiting for the database"
  sleep 1
done
exec "$@"
