#!/usr/bin/env bash
# Runs every test: unit tests and the end-to-end ones against Azurite, MailDev and loopback HTTP
# (the fixtures start those themselves from tools/node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x tools/node_modules/.bin/redocly ] || npm ci --no-audit --no-fund --prefix tools

# The checked-in OpenAPI documents lint clean (rules in redocly.yaml); a test holds them equal to the generated ones.
tools/node_modules/.bin/redocly lint docs/openapi/*.json --format=summary

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Notify.sln --configuration Release 2>&1 | tee "$log" || status=$?

# A closing line CI can read whatever the runner: "N passed, N failed".
summary=$(grep -E '^(Passed|Failed)!' "$log" | tail -n 1 || true)
passed=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$summary")
failed=$(sed -nE 's/.*Failed: *([0-9]+).*/\1/p' <<<"$summary")
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
