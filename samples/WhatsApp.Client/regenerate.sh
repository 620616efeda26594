#!/usr/bin/env bash
# Regenerates the typed C# client in Generated/ from the committed OpenAPI document (openapi/v1.json, written by the
# API's build) with Kiota, the version pinned in dotnet-tools.json. CI runs it and fails when the result differs from
# what is committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
dotnet kiota generate --language CSharp --openapi openapi/v1.json --output samples/WhatsApp.Client/Generated \
    --class-name WhatsAppApiClient --namespace-name WhatsApp.Client --clean-output --exclude-backward-compatible \
    --exclude-path "/api/webhooks/plivo" --log-level Error
# Kiota's log of its own run (warnings about formats it maps to string); not part of the client.
rm -f samples/WhatsApp.Client/Generated/.kiota.log
