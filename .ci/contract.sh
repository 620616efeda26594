#!/usr/bin/env bash
# The API contract, checked on a clean clone: the committed OpenAPI document (openapi/v1.json) is what the build
# writes, it passes Redocly's recommended rules with no error (accepted warnings: redocly.yaml), and the committed Kiota
# client (samples/WhatsApp.Client) is what the document generates. Exits non-zero on the first difference.
set -euo pipefail
cd "$(dirname "$0")/.."

stale() { # stale PATH WHAT HOW: fails when PATH differs from git's index (on a clean clone: from the commit)
    if ! git diff --quiet -- "$1" || [ -n "$(git ls-files --others --exclude-standard -- "$1")" ]; then
        git --no-pager diff --stat -- "$1" >&2
        git ls-files --others --exclude-standard -- "$1" | head -20 >&2
        echo "$2 is out of date: $3, then commit the result" >&2
        return 1
    fi
}

dotnet build WhatsApp.Api --configuration Release --nologo -v quiet >/dev/null
stale openapi "openapi/v1.json" "build WhatsApp.Api (dotnet build WhatsApp.Api)"

npx --yes @redocly/cli@2.77.0 lint openapi/v1.json --format stylish

samples/WhatsApp.Client/regenerate.sh >/dev/null
stale samples/WhatsApp.Client "The generated client" "run samples/WhatsApp.Client/regenerate.sh"
echo "API contract: document current, Redocly lint without errors, generated client current"
