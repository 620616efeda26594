#!/usr/bin/env bash
# Runs every test (unit, integration on real SQLite files, functional over real HTTP), then the integration and
# functional suites again on PostgreSQL: a throwaway cluster on a local port (.ci/postgres.sh installs PostgreSQL from
# Debian's packages when missing), gone afterwards. Ends with "N passed, N failed" over both runs. Extra arguments go
# to both `dotnet test` runs; a --filter is combined with the PostgreSQL run's own. WHATSAPP_TEST_SKIP_POSTGRES=1
# runs SQLite only. The browser tests need Debian's Chromium (.ci/chromium.sh installs it when missing).
set -uo pipefail
cd "$(dirname "$0")"
mkdir -p TestResults
log=TestResults/test.log
pg_log=TestResults/test-postgres.log
rm -f "$pg_log"

# A test that hangs is stopped and reported by name as a failure after this long, instead of stalling the whole run
# (no single test takes a minute).
hang=(--blame-hang --blame-hang-timeout "${WHATSAPP_TEST_HANG_TIMEOUT:-5m}" --blame-hang-dump-type none)
# And whatever else stalls (the build, the test host after its last test): each run, with every process it started,
# is stopped after this long. Both runs take about 2 minutes.
bounded() {
    timeout --kill-after=30s "${WHATSAPP_TEST_RUN_TIMEOUT:-20m}" "$@"
    local status=$?
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        echo "Stopped: the run did not finish within ${WHATSAPP_TEST_RUN_TIMEOUT:-20m}" >&2
    fi
    # A test host stopped mid-test leaves the service processes its test started.
    pkill -f "$PWD/WhatsApp.Tests/bin/Release/net10.0/WhatsApp.Api.dll" 2>/dev/null
    return "$status"
}

count() { # count Passed|Failed LOG...
    local what=$1; shift
    local pattern='(Passed!|Failed!)\s+-\s+Failed:\s+\K\d+'
    [ "$what" = Passed ] && pattern='(Passed!|Failed!)\s+-\s+Failed:\s+\d+,\s+Passed:\s+\K\d+'
    cat "$@" 2>/dev/null | grep -oP "$pattern" | awk '{s+=$1} END {print s+0}'
}

# The browser tests (WhatsApp.Tests/Browser) need Debian's Chromium; a failed install fails those tests by name.
.ci/chromium.sh || echo "Chromium could not be installed: the browser tests will fail" >&2

bounded dotnet test WhatsApp.sln --configuration Release "${hang[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
sqlite_status=$status

if [ "${WHATSAPP_TEST_SKIP_POSTGRES:-0}" != 1 ]; then
    filter='(FullyQualifiedName~WhatsApp.Tests.Integration|FullyQualifiedName~WhatsApp.Tests.Functional)&TestCategory!=SqliteOnly'
    args=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --filter) filter="($2)&$filter"; shift 2 ;;
            --filter=*) filter="(${1#--filter=})&$filter"; shift ;;
            *) args+=("$1"); shift ;;
        esac
    done
    pg_dir=$(mktemp -d /tmp/whatsapp-pg.XXXXXX)
    trap '.ci/postgres.sh stop "$pg_dir" >/dev/null 2>&1' EXIT
    if server=$(.ci/postgres.sh start "$pg_dir"); then
        echo "PostgreSQL run on $server"
        WHATSAPP_TEST_POSTGRES="$server" bounded dotnet test WhatsApp.Tests --configuration Release --no-build \
            --filter "$filter" "${hang[@]}" "${args[@]}" 2>&1 | tee "$pg_log"
        pg_status=${PIPESTATUS[0]}
    else
        echo "Could not start a PostgreSQL cluster" | tee "$pg_log"
        pg_status=1
    fi
    # Stopped here, quietly, so that nothing follows the summary line.
    .ci/postgres.sh stop "$pg_dir" >/dev/null 2>&1
    trap - EXIT
    [ "$pg_status" -ne 0 ] && status=$pg_status
    pg_failed=$(count Failed "$pg_log")
    if [ "$pg_status" -ne 0 ] && [ "$pg_failed" -eq 0 ]; then
        echo "Failed!  - Failed:     1, Passed:     0 (the PostgreSQL run failed before any test could report)" >>"$pg_log"
    fi
    echo "SQLite: $(count Passed "$log") passed, $(count Failed "$log") failed;" \
        "PostgreSQL: $(count Passed "$pg_log") passed, $(count Failed "$pg_log") failed"
fi

passed=$(count Passed "$log" "$pg_log")
failed=$(count Failed "$log" "$pg_log")
if [ "$sqlite_status" -ne 0 ] && [ "$(count Failed "$log")" -eq 0 ]; then
    # The build or the test host failed before any test could report.
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
exit "$status"
