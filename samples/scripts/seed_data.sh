#!/usr/bin/env bash
set -euo pipefail

# Load two demo goals into a fresh stack through the planner's API.
API="${ORBIT_API:-http://localhost:8080}"
curl -fsS -X POST "$API/goals" -H 'Content-Type: application/json' -d '{"goal": "Add a login page. Write tests."}'
curl -fsS "$API/goals" | head -n 20
