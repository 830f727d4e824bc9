#!/bin/sh
set -eu
echo one
echo two
echo three
echo four
exec "$@"
