#!/usr/bin/env bash
# Fails when npm reports a high or critical advisory in the production dependencies.
# Where the registry has no advisory service (the one reachable from this project's CI answers
# 405), it says so and passes: the check is only as good as the registry it can ask.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(npm audit --omit=dev --audit-level=high 2>&1)
status=$?
if echo "$out" | grep -q "audit endpoint returned an error\|405 Method Not Allowed\|ENOAUDIT"; then
  echo "npm audit: the registry offers no advisory service here; not checked."
  exit 0
fi
echo "$out" | tail -20
exit $status
