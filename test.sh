#!/usr/bin/env bash
# Runs every test (unit, integration on real SQLite files, functional over real HTTP) and ends with
# "N passed, N failed". Needs only the .NET 10 SDK; all servers the tests use are started by the tests on 127.0.0.1.
set -uo pipefail
cd "$(dirname "$0")"
mkdir -p TestResults
log=TestResults/test.log
dotnet test WhatsApp.sln --configuration Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oP '(Passed!|Failed!)\s+-\s+Failed:\s+\d+,\s+Passed:\s+\K\d+' "$log" | awk '{s+=$1} END {print s+0}')
failed=$(grep -oP '(Passed!|Failed!)\s+-\s+Failed:\s+\K\d+' "$log" | awk '{s+=$1} END {print s+0}')
passed=${passed:-0}
failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # The build or the test host failed before any test could report.
    failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
