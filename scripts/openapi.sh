#!/usr/bin/env bash
# Rewrites the checked-in OpenAPI documents (docs/openapi/{face}.json) from what the self-host generates, then lints
# them. Run it after changing a route, a request or response record, or a face's description; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x tools/node_modules/.bin/redocly ] || npm ci --no-audit --no-fund --prefix tools
NOTIFY_WRITE_OPENAPI=1 dotnet test tests/Notify.Tests --configuration Release \
  --filter "FullyQualifiedName~Notify.Tests.ApiDocs.ApiDocumentTests.The_checked_in_document_is_the_generated_one"
tools/node_modules/.bin/redocly lint docs/openapi/*.json --format=summary
