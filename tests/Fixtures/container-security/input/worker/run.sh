#!/bin/sh
set -eu
echo "working"
