#!/usr/bin/env bash
# Benchmarks of the gateway, measured against a floor (a minimal Kestrel app) on the same machine, all on 127.0.0.1.
#
#   bash bench/run.sh           full run (about 10 minutes): writes bench/results/<date>.md and prints it
#   bash bench/run.sh --smoke   a few seconds per phase, small sizes, no targets (CI): writes a temp file
#   PHASES="webhooks send" bash bench/run.sh   the floor and only these phases (webhooks send pacing history), to a
#                               temp file: for trying a change; results to commit come from a whole run
#   PROVIDERS="sqlite postgres" the databases to measure (default both): after SQLite's phases, the webhook and history
#                               phases again on a throwaway PostgreSQL cluster with durable settings (.ci/postgres.sh,
#                               installed from Debian's packages when missing); PROVIDERS=sqlite or =postgres for one
#   REPORT_NAME=2026-11-27-postgres  a full run writes bench/results/<REPORT_NAME>.md instead of <date>.md, whatever
#                               the phases and providers
#
# Installs wrk and sqlite3 from Debian's packages when missing and builds Release. Every wait is bounded in time and
# every process started here is stopped on exit. A missed target prints FAIL but does not fail the script; a phase
# that cannot run (a process that does not start, a load that gets no answer) does.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
MODE=full
case "${1:-}" in
    --smoke) MODE=smoke ;;
    "") ;;
    *) echo "usage: bench/run.sh [--smoke]" >&2; exit 2 ;;
esac

if [ "$MODE" = smoke ]; then
    LOAD_S=3 WARM_S=1 DRAIN_S=1 CONNS=16 HIST_S=1 HIST_WARM_S=1 PACE_S=2 DISPATCH_WAIT_S=20 MIN_WEBHOOKS=20000
    BIG_MESSAGES=2000 BIG_CONTACTS=100 SMALL_MESSAGES=500 SMALL_CONTACTS=25 SEED_TIMEOUT_S=120
else
    LOAD_S=15 WARM_S=10 DRAIN_S=2 CONNS=64 HIST_S=10 HIST_WARM_S=2 PACE_S=15 DISPATCH_WAIT_S=60 MIN_WEBHOOKS=200000
    BIG_MESSAGES=1000000 BIG_CONTACTS=50000 SMALL_MESSAGES=10000 SMALL_CONTACTS=500 SEED_TIMEOUT_S=1200
fi
PHASES=${PHASES:-webhooks send pacing history}
want() { [[ " $PHASES " == *" $1 "* ]]; }
PROVIDERS=${PROVIDERS:-sqlite postgres}
use() { [[ " $PROVIDERS " == *" $1 "* ]]; }
for p in $PROVIDERS; do [[ $p == sqlite || $p == postgres ]] || { echo "bench: PROVIDERS takes sqlite and postgres, not $p" >&2; exit 2; }; done
THREADS=2
HIGH_RATE=100000
DEFAULT_RATE=80
SENDERS=(+14155550100 +14155550101)
SENDER_LIST=$(IFS=,; echo "${SENDERS[*]}")
SEED_UNTIL=$(date -u +%Y-%m-%dT%H:%M:%SZ) # one end of history for every seeded database, so they hold the same rows
AUTH_ID=MABENCHBENCHBENCH000
AUTH_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
API_KEY=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

WORK=$(mktemp -d /tmp/whatsapp-bench.XXXXXX)
PIDS=()
PG_DIR="" # the PostgreSQL cluster's directory while it runs (outside WORK: its server runs as another user)

log() { echo "== [${SECONDS} s] $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

stop_pid() {
    local pid=$1 i
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    local kept=() p
    for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
    PIDS=("${kept[@]}")
}

# PostgreSQL: a throwaway cluster that keeps what it commits (fsync and synchronous commit on, as SQLite commits
# durably here) with 256 MB of shared buffers, started after SQLite's phases and stopped after its own.
start_postgres() {
    PG_DIR=$(mktemp -d /tmp/whatsapp-bench-pg.XXXXXX)
    log "PostgreSQL: starting a durable cluster in $PG_DIR"
    PG_SERVER=$(POSTGRES_DURABLE=1 POSTGRES_SHARED_BUFFERS=256MB timeout 900 bash "$ROOT/.ci/postgres.sh" start "$PG_DIR" 2>"$WORK/postgres-start.log") \
        || { cat "$WORK/postgres-start.log" >&2; die "could not start PostgreSQL"; }
    PG_PORT=$(grep -oP 'Port=\K[0-9]+' <<<"$PG_SERVER")
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    PG_VERSION=$("$PG_BIN/postgres" --version | awk '{ print $3 }')
}
stop_postgres() {
    [ -n "$PG_DIR" ] || return 0
    bash "$ROOT/.ci/postgres.sh" stop "$PG_DIR" >/dev/null 2>&1 || true
    PG_DIR=""
}
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    stop_postgres
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_if_missing() { # command package
    command -v "$1" >/dev/null && return
    log "installing $2"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq "$2" >&2
}

# Below the kernel's range for outgoing connections (32768 and up by default): a port there can be taken by one of the
# load's own client sockets between this check and the bind (seen once: "address already in use").
free_port() {
    local p i
    for i in $(seq 1 200); do
        p=$((20000 + RANDOM % 12000))
        case " ${USED_PORTS:-} " in *" $p "*) continue ;; esac
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            USED_PORTS="${USED_PORTS:-} $p"
            echo "$p"
            return
        fi
    done
    die "no free port"
}

start_bg() { # log command... ; sets LAST_PID
    local out=$1; shift
    "$@" >"$out" 2>&1 &
    LAST_PID=$!
    PIDS+=("$LAST_PID")
}

wait_http() { # url seconds pid
    local deadline=$((SECONDS + $2))
    until curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; do
        kill -0 "$3" 2>/dev/null || { echo "bench: process $3 exited before $1 answered" >&2; return 1; }
        [ "$SECONDS" -lt "$deadline" ] || { echo "bench: no answer from $1 within $2 s" >&2; return 1; }
        sleep 0.2
    done
}

peak_rss_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# wrk with the shared Lua harness; prints its RESULT line. Args: name conns seconds script url lua-args...
run_wrk() {
    local name=$1 conns=$2 seconds=$3 script=$4 url=$5; shift 5
    local threads=$((conns < THREADS ? conns : THREADS)) out="$WORK/wrk-$name.out"
    timeout $((seconds + 60)) wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 10s -s "$BENCH/lua/$script" \
        "$url" -- threads="$threads" "$@" >"$out" 2>&1 || { cat "$out" >&2; die "wrk $name failed"; }
    grep '^RESULT ' "$out" | tail -1 | grep . || { cat "$out" >&2; die "wrk $name printed no RESULT"; }
}

val() { grep -oP " $2=\K[^ ]+" <<<"$1" | head -1; }
status_count() { local n; n=$(grep -oP "(^|,)$2:\K[0-9]+" <<<"$(val "$1" statuses)" || true); echo "${n:-0}"; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
ge() { awk "BEGIN { exit !($1 >= $2) }"; }
lt() { awk "BEGIN { exit !($1 < $2) }"; }
num() { printf "%.0f" "$1" | sed -E ':a;s/^([0-9]+)([0-9]{3})/\1,\2/;ta'; }
# A query on either database: a SQLite file, or a PostgreSQL connection string from new_db.
sql() {
    case "$1" in
        Host=*) PGOPTIONS="-c client_min_messages=warning" timeout 120 "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$(grep -oP 'Database=\K[^;]+' <<<"$1")" -AtqX -c "$2" ;;
        *) sqlite3 -cmd ".timeout 10000" "$1" "$2" ;;
    esac
}
errors_of() { echo $(($(val "$1" non2xx) + $(val "$1" connect_err) + $(val "$1" read_err) + $(val "$1" write_err) + $(val "$1" timeouts))); }

# Targets: judge sets JUDGED to PASS or FAIL in full mode and to "-" in smoke mode, and keeps the score. The targets
# were set for SQLite; PostgreSQL's measures are judged for information only (COUNTED=0): "(PASS)", not counted.
TARGETS_MET=0 TARGETS_TOTAL=0 COUNTED=1 INFO_MET=0 INFO_TOTAL=0
judge() { # condition-command...
    JUDGED="-"
    [ "$MODE" = full ] || return 0
    local ok=0
    "$@" && ok=1
    if [ "$COUNTED" = 1 ]; then
        TARGETS_TOTAL=$((TARGETS_TOTAL + 1)) TARGETS_MET=$((TARGETS_MET + ok))
        if [ "$ok" = 1 ]; then JUDGED=PASS; else JUDGED=FAIL; fi
    else
        INFO_TOTAL=$((INFO_TOTAL + 1)) INFO_MET=$((INFO_MET + ok))
        if [ "$ok" = 1 ]; then JUDGED="(PASS)"; else JUDGED="(FAIL)"; fi
    fi
}
within() { awk "BEGIN { exit !($1) }"; }
ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 |"); } # phase measure value vs-floor target result
NOTES=()

# ---------------------------------------------------------------------------------------------------------------
log "mode: $MODE; work directory $WORK"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
install_if_missing wrk wrk
install_if_missing sqlite3 sqlite3
install_if_missing curl curl

log "building Release"
BUILD_STARTED=$SECONDS
dotnet build "$BENCH/bench.slnx" -c Release -nologo -clp:ErrorsOnly >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
BUILD_S=$((SECONDS - BUILD_STARTED))
API_DIR=$ROOT/WhatsApp.Api/bin/Release/net10.0
FLOOR_DLL=$BENCH/Floor/bin/Release/net10.0/Floor.dll
FAKE_DLL=$BENCH/FakePlivo/bin/Release/net10.0/FakePlivo.dll
SIGN_DLL=$BENCH/SignWebhooks/bin/Release/net10.0/SignWebhooks.dll
SEED_DLL=$BENCH/WhatsApp.Seed/bin/Release/net10.0/WhatsApp.Seed.dll

API_PORT=$(free_port) FLOOR_PORT=$(free_port) FAKE_PORT=$(free_port)
API_URL=http://127.0.0.1:$API_PORT
FLOOR_URL=http://127.0.0.1:$FLOOR_PORT
FAKE_URL=http://127.0.0.1:$FAKE_PORT
WEBHOOK_PATH=/api/webhooks/plivo

new_db() { # provider name: a fresh database, as a SQLite path or a PostgreSQL connection string
    if [ "$1" = postgres ]; then
        sql "Host=;Database=postgres" "DROP DATABASE IF EXISTS \"$2\"" >/dev/null
        sql "Host=;Database=postgres" "CREATE DATABASE \"$2\"" >/dev/null
        echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$2"
    else
        echo "$WORK/$2.db"
    fi
}
drop_db() { # database: frees a PostgreSQL database's disk and cache once its phase is done
    case "$1" in Host=*) sql "Host=;Database=postgres" "DROP DATABASE IF EXISTS \"$(grep -oP 'Database=\K[^;]+' <<<"$1")\" WITH (FORCE)" >/dev/null ;; esac
}

# The side-by-side table: one row per measure, one column per provider.
declare -A SIDE SIDE_SEEN
SIDE_ORDER=()
side() { # provider measure value
    [ -n "${SIDE_SEEN[$2]:-}" ] || { SIDE_SEEN[$2]=1; SIDE_ORDER+=("$2"); }
    SIDE[$1|$2]=$3
}

start_service() { # name database rate|"" extra-env...   database: a SQLite path or a PostgreSQL connection string
    local name=$1 db=$2 rate=$3; shift 3
    local database=("ConnectionStrings__WhatsApp=Data Source=$db")
    [[ $db != Host=* ]] || database=(Database__Provider=Postgres "ConnectionStrings__WhatsApp=$db")
    local env=(
        ASPNETCORE_ENVIRONMENT=Production "ASPNETCORE_URLS=$API_URL" "${database[@]}"
        Messaging__Provider=Plivo "Plivo__AuthId=$AUTH_ID" "Plivo__AuthToken=$AUTH_TOKEN"
        "Plivo__DefaultSender=${SENDERS[0]}" "Plivo__Senders__0=${SENDERS[0]}" "Plivo__Senders__1=${SENDERS[1]}"
        "Plivo__BaseUrl=$FAKE_URL" "Plivo__PublicBaseUrl=$API_URL"
        Auth__ApiKeys__0__Name=bench Auth__ApiKeys__0__Role=admin "Auth__ApiKeys__0__Key=$API_KEY"
        RateLimiting__PermitsPerSecond=0  # one key sends ~10,000 req/s here: the per-key limiter would throttle it
        Messaging__CustomerServiceWindow=Off Logging__LogLevel__Default=Warning "$@")
    [ -z "$rate" ] || env+=("Dispatch__PerSenderRatePerSecond=$rate")
    start_bg "$WORK/service-$name.log" env -C "$API_DIR" "${env[@]}" dotnet WhatsApp.Api.dll
    SERVICE_PID=$LAST_PID
    wait_http "$API_URL/health/ready" 90 "$SERVICE_PID" || { tail -50 "$WORK/service-$name.log" >&2; die "the service did not start"; }
}

stop_service() { # sets SERVICE_RSS, the peak RSS in MB
    SERVICE_RSS=$(peak_rss_mb "$SERVICE_PID")
    stop_pid "$SERVICE_PID"
}

rss_row() { # phase
    judge lt "$SERVICE_RSS" 300
    row "$1" "service peak RSS (VmHWM)" "$SERVICE_RSS MB" "" "< 300 MB" "$JUDGED"
}

fake_stats() { curl -fsS --max-time 5 "$FAKE_URL/stats.txt"; }
fake_total() { fake_stats | grep -oP '^total=\K[0-9]+'; }
fake_reset() { curl -fsS --max-time 5 -X POST -o /dev/null "$FAKE_URL/reset"; }
wait_dispatched() { # expected seconds; returns when the fake has seen expected messages or the time is up
    local deadline=$((SECONDS + $2))
    while [ "$(fake_total)" -lt "$1" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
}

# ---------------------------------------------------------------------------------------------------------------
log "fake Plivo on $FAKE_URL"
start_bg "$WORK/fake-plivo.log" dotnet "$FAKE_DLL" --urls "$FAKE_URL"
FAKE_PID=$LAST_PID
wait_http "$FAKE_URL/stats" 60 "$FAKE_PID" || die "the fake Plivo did not start"

# 1. Floor -------------------------------------------------------------------------------------------------------
log "floor: minimal Kestrel app, $CONNS connections, $LOAD_S s"
start_bg "$WORK/floor.log" dotnet "$FLOOR_DLL" --urls "$FLOOR_URL"
FLOOR_PID=$LAST_PID
wait_http "$FLOOR_URL/" 60 "$FLOOR_PID" || die "the floor app did not start"
run_wrk floor-warm "$CONNS" $((WARM_S + DRAIN_S)) floor.lua "$FLOOR_URL" stop_after="$WARM_S" >/dev/null
R=$(run_wrk floor "$CONNS" $((LOAD_S + DRAIN_S)) floor.lua "$FLOOR_URL" stop_after="$LOAD_S")
FLOOR_RPS=$(calc "$(val "$R" responses) / $LOAD_S" 0)
FLOOR_RSS=$(peak_rss_mb "$FLOOR_PID")
stop_pid "$FLOOR_PID"
[ "$(val "$R" ok)" -gt 0 ] || die "the floor answered nothing"
row Floor "throughput, $CONNS connections, $LOAD_S s" "$(num "$FLOOR_RPS") req/s" "1.00" "" ""
row Floor "latency p50 / p99" "$(val "$R" p50_ms) / $(val "$R" p99_ms) ms" "" "" ""
row Floor "non-2xx + socket errors" "$(errors_of "$R")" "" "" ""
row Floor "peak RSS (VmHWM)" "$FLOOR_RSS MB" "" "" ""


# 2. Webhook ingestion ---------------------------------------------------------------------------------------------
# The same signed requests for every provider, each on a fresh database.
sign_webhooks() {
    [ -z "${WEBHOOKS:-}" ] || return 0
    # Enough signed requests for half the floor's rate, so the load cannot run out (it would say "exhausted").
    WEBHOOKS=$(calc "($FLOOR_RPS * $LOAD_S * 0.5 > $MIN_WEBHOOKS) ? $FLOOR_RPS * $LOAD_S * 0.5 : $MIN_WEBHOOKS" 0)
    WARM_WEBHOOKS=$((WEBHOOKS * WARM_S / LOAD_S))
    log "webhooks: signing $WEBHOOKS + $WARM_WEBHOOKS requests"
    dotnet "$SIGN_DLL" --out "$WORK/webhooks-all.tsv" --count $((WEBHOOKS + WARM_WEBHOOKS)) \
        --url "$API_URL$WEBHOOK_PATH" --token "$AUTH_TOKEN" --contacts 5000 >&2
    head -n "$WARM_WEBHOOKS" "$WORK/webhooks-all.tsv" >"$WORK/webhooks-warm.tsv"
    tail -n +$((WARM_WEBHOOKS + 1)) "$WORK/webhooks-all.tsv" >"$WORK/webhooks.tsv"
    rm "$WORK/webhooks-all.tsv"
}

webhook_phase() { # provider phase-label
    local provider=$1 phase=$2 db r stored before
    sign_webhooks
    log "webhooks ($provider): signed inbound messages, V3 validation on, $CONNS connections, $LOAD_S s"
    db=$(new_db "$provider" webhooks)
    start_service "webhooks-$provider" "$db" ""
    run_wrk "webhook-warm-$provider" "$CONNS" $((WARM_S + DRAIN_S)) webhook.lua "$API_URL" file="$WORK/webhooks-warm.tsv" stop_after="$WARM_S" >/dev/null
    before=$(sql "$db" "SELECT count(*) FROM \"Messages\" WHERE \"Direction\" = 'Inbound'")
    r=$(run_wrk "webhook-$provider" "$CONNS" $((LOAD_S + DRAIN_S)) webhook.lua "$API_URL" file="$WORK/webhooks.tsv" stop_after="$LOAD_S")
    stored=$(($(sql "$db" "SELECT count(*) FROM \"Messages\" WHERE \"Direction\" = 'Inbound'") - before))
    stop_service
    drop_db "$db"
    local rps ok200 errors
    rps=$(calc "$(val "$r" responses) / $LOAD_S" 0)
    ok200=$(status_count "$r" 200)
    errors=$(errors_of "$r")
    [ "$(val "$r" ok)" -gt 0 ] || die "no webhook was accepted ($provider): $r"
    [ "$(val "$r" exhausted)" -eq 0 ] || NOTES+=("$phase: the pre-signed requests ran out before the end; the throughput is a lower bound.")
    judge ge "$(calc "$rps / $FLOOR_RPS" 4)" 0.20
    row "$phase" "throughput, $CONNS connections, $LOAD_S s" "$(num "$rps") req/s" "$(calc "$rps / $FLOOR_RPS")" "≥ 0.20 × floor" "$JUDGED"
    judge lt "$(val "$r" p99_ms)" 100
    row "$phase" "latency p50 / p99" "$(val "$r" p50_ms) / $(val "$r" p99_ms) ms" "" "p99 < 100 ms" "$JUDGED"
    judge [ "$errors" -eq 0 ]
    row "$phase" "non-2xx + socket errors" "$errors ($(val "$r" statuses))" "" "0" "$JUDGED"
    judge [ "$stored" -eq "$ok200" ]
    row "$phase" "stored inbound messages / 200s" "$(num "$stored") / $(num "$ok200")" "" "equal" "$JUDGED"
    rss_row "$phase"
    side "$provider" "webhooks: throughput (vs floor)" "$(num "$rps") req/s ($(calc "$rps / $FLOOR_RPS"))"
    side "$provider" "webhooks: latency p50 / p99" "$(val "$r" p50_ms) / $(val "$r" p99_ms) ms"
    side "$provider" "webhooks: non-2xx + socket errors; stored / 200s" "$errors; $(num "$stored") / $(num "$ok200")"
    side "$provider" "webhooks: service peak RSS" "$SERVICE_RSS MB"
}

if want webhooks && use sqlite; then
    webhook_phase sqlite Webhooks
fi

# 3. Send acceptance and dispatch ------------------------------------------------------------------------------------
if want send && use sqlite; then
log "send: POST /api/messages, $CONNS connections, $LOAD_S s; dispatch to the fake Plivo at $HIGH_RATE/s per sender"
DB=$WORK/send.db
start_service send "$DB" "$HIGH_RATE"
W=$(run_wrk send-warm "$CONNS" $((WARM_S + DRAIN_S)) send.lua "$API_URL" key="$API_KEY" senders="$SENDER_LIST" stop_after="$WARM_S")
wait_dispatched "$(val "$W" ok)" "$DISPATCH_WAIT_S"
fake_reset
R=$(run_wrk send "$CONNS" $((LOAD_S + DRAIN_S)) send.lua "$API_URL" key="$API_KEY" senders="$SENDER_LIST" stop_after="$LOAD_S")
AT_END=$(fake_stats)
ACCEPTED=$(status_count "$R" 202)
wait_dispatched "$ACCEPTED" "$DISPATCH_WAIT_S"
FINAL=$(fake_stats)
STATUSES=$(sql "$DB" "SELECT group_concat(Status || ' ' || n, ', ') FROM (SELECT Status, count(*) n FROM Messages GROUP BY Status)")
stop_service
[ "$ACCEPTED" -gt 0 ] || die "no send was accepted: $R"
SEND_RPS=$(calc "$(val "$R" responses) / $LOAD_S" 0)
SEND_ERRORS=$(errors_of "$R")
FIRST=$(grep -oP 'first_s=\K[0-9.]+' <<<"$FINAL" | sort -g | head -1)
LAST=$(grep -oP 'last_s=\K[0-9.]+' <<<"$FINAL" | sort -g | tail -1)
DISPATCHED=$(grep -oP '^total=\K[0-9]+' <<<"$FINAL")
[ "$DISPATCHED" -gt 1 ] || die "nothing reached the fake Plivo"
DISPATCH_RATE=$(calc "$DISPATCHED / ($LAST - $FIRST)" 0)
DURING_LOAD=$(calc "$(grep -oP '^total=\K[0-9]+' <<<"$AT_END") / ($(grep -oP 'now_s=\K[0-9.]+' <<<"$AT_END") - $FIRST)" 0)
[ "$DISPATCHED" -ge "$ACCEPTED" ] || NOTES+=("Dispatch: $(num "$DISPATCHED") of $(num "$ACCEPTED") accepted messages reached the fake Plivo within $DISPATCH_WAIT_S s after the load.")
judge ge "$(calc "$SEND_RPS / $FLOOR_RPS" 4)" 0.20
row Send "acceptance, $CONNS connections, $LOAD_S s" "$(num "$SEND_RPS") req/s" "$(calc "$SEND_RPS / $FLOOR_RPS")" "≥ 0.20 × floor" "$JUDGED"
row Send "latency p50 / p99" "$(val "$R" p50_ms) / $(val "$R" p99_ms) ms" "" "" ""
judge [ "$SEND_ERRORS" -eq 0 ]
row Send "non-2xx + socket errors" "$SEND_ERRORS ($(val "$R" statuses))" "" "0" "$JUDGED"
judge ge "$DISPATCH_RATE" 2000
row Send "dispatch to fake Plivo, first to last arrival" "$(num "$DISPATCH_RATE") msg/s" "$(calc "$DISPATCH_RATE / $FLOOR_RPS")" "≥ 2,000 msg/s" "$JUDGED"
row Send "dispatch while the load ran" "$(num "$DURING_LOAD") msg/s" "$(calc "$DURING_LOAD / $FLOOR_RPS")" "" ""
row Send "reached fake Plivo / accepted; stored statuses" "$(num "$DISPATCHED") / $(num "$ACCEPTED"); $STATUSES" "" "" ""
rss_row Send

fi

# Pacing at the default limit: a backlog on both senders queued with the dispatcher off, then the service restarted
# with it on, and the arrival rate per sender at the fake Plivo observed while the backlog lasts.
if want pacing && use sqlite; then
PER_SENDER=$((DEFAULT_RATE * (PACE_S + 2)))
SEND_RPS=${SEND_RPS:-300}
ENQUEUE_S=$(calc "(2 * $PER_SENDER / $SEND_RPS * 1.3 + 2 < 60) ? 2 * $PER_SENDER / $SEND_RPS * 1.3 + 2 : 60" 0)
log "pacing: queueing $PER_SENDER messages per sender (at most $ENQUEUE_S s), then $PACE_S s at the default $DEFAULT_RATE/s per sender"
DB=$WORK/pacing.db
start_service pacing-enqueue "$DB" "" Dispatch__Enabled=false
R=$(run_wrk pacing-enqueue "$CONNS" $((ENQUEUE_S + DRAIN_S)) send.lua "$API_URL" key="$API_KEY" senders="$SENDER_LIST" \
    limit=$((PER_SENDER * 2 / THREADS)) stop_after="$ENQUEUE_S")
stop_service
fake_reset
start_service pacing "$DB" ""
sleep "$PACE_S"
PACED=$(fake_stats)
LEFT=$(sql "$DB" "SELECT count(*) FROM Messages WHERE Status='Queued'")
stop_service
[ "$LEFT" -gt 0 ] || NOTES+=("Pacing: the backlog ran out before the observation ended; the rate is a lower bound.")
for s in "${SENDERS[@]}"; do
    line=$(grep -F "sender=${s#+} " <<<"$PACED" || true) # Plivo gets numbers as digits only
    [ -n "$line" ] || die "no message from $s reached the fake Plivo: $PACED"
    avg=$(grep -oP 'average_per_second=\K[0-9.]+' <<<"$line")
    steady=$(grep -oP 'steady_per_second=\K[0-9.]+' <<<"$line")
    max=$(grep -oP 'max_in_any_second=\K[0-9]+' <<<"$line")
    count=$(grep -oP 'count=\K[0-9]+' <<<"$line")
    judge within "$steady >= $DEFAULT_RATE * 0.95 && $steady <= $DEFAULT_RATE * 1.05 && $max <= $DEFAULT_RATE"
    row Pacing "sender $s at the default $DEFAULT_RATE/s ($count sent): steady rate / most in any 1 s window / first-to-last average" \
        "$(calc "$steady" 1)/s / $max / $(calc "$avg" 1)/s" "" "steady within 5% of 80/s, never > 80 in 1 s" "$JUDGED"
done
row Pacing "accepted into the backlog; still queued at the end" "$(num "$(status_count "$R" 202)"); $(num "$LEFT")" "" "" ""
rss_row Pacing

fi

# 4. History ----------------------------------------------------------------------------------------------------------
# One request at a time (one connection), so the latency is the cost of a page and not time spent queueing. Every
# provider gets the same seeded rows and the same requests (the first provider's contacts and words).
page_items() { # paths-file: average number of items on the pages of its first 20 paths (every item has a contact)
    local path total=0 n=0
    while read -r path && [ "$n" -lt 20 ]; do
        total=$((total + $(curl -fsS --max-time 10 -H "X-Api-Key: $API_KEY" "$API_URL$path" | grep -o '"contact":"' | wc -l)))
        n=$((n + 1))
    done <"$1"
    calc "$total / $n" 0
}
declare -A HIST
history_size() { # provider label messages contacts
    local provider=$1 label=$2 messages=$3 contacts=$4 key="$1.$2" db started target paths="$WORK/paths-$2"
    db=$(new_db "$provider" "history-$label")
    target=(--database "$db")
    [ "$provider" = sqlite ] || target=(--postgres "$db")
    log "history ($provider): seeding $messages messages over $contacts contacts"
    started=$SECONDS
    timeout "$SEED_TIMEOUT_S" dotnet "$SEED_DLL" "${target[@]}" --messages "$messages" --contacts "$contacts" --until "$SEED_UNTIL" >"$WORK/seed-$key.log" 2>&1 \
        || { cat "$WORK/seed-$key.log" >&2; die "seeding $messages messages ($provider) failed"; }
    HIST[$key.seed_s]=$((SECONDS - started))
    HIST[$key.seed_rate]=$(grep -oP 'rows/second \K[0-9]+' "$WORK/seed-$key.log" || echo 0)
    if [ ! -s "$paths-timeline" ]; then
        local since words
        since=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)
        sql "$db" "SELECT \"Number\" FROM \"Contacts\" ORDER BY random() LIMIT 1000" \
            | sed 's/^+/%2B/; s#^\(.*\)$#/api/conversations/\1/messages?limit=50#' >"$paths-timeline"
        echo "/api/conversations?limit=50" >"$paths-conversations"
        echo "/api/messages?status=failed&created_from=$since&limit=50" >"$paths-status"
        # Whole ASCII words of five letters or more, so they need no URL encoding.
        words=$(sql "$db" "SELECT \"Body\" FROM \"Messages\" WHERE \"Body\" IS NOT NULL ORDER BY \"Id\" LIMIT 2000" \
            | LC_ALL=C tr -s '[:space:][:punct:]' '\n' | LC_ALL=C grep -E '^[A-Za-z]{5,}$' | tr 'A-Z' 'a-z' | sort -u | head -20 || true)
        [ -n "$words" ] || die "no words to search for in the seeded bodies"
        sed 's#^#/api/messages?limit=50\&q=#' <<<"$words" >"$paths-search"
        HIST[$label.words]=$(echo $words | tr ' ' ',')
        HIST[$label.contacts]=$(wc -l <"$paths-timeline")
    fi
    start_service "history-$key" "$db" "" Dispatch__Enabled=false
    local endpoint r
    for endpoint in timeline conversations status search; do
        HIST[$key.$endpoint.items]=$(page_items "$paths-$endpoint")
        run_wrk "history-$key-$endpoint-warm" 1 "$HIST_WARM_S" get.lua "$API_URL" file="$paths-$endpoint" key="$API_KEY" >/dev/null
        r=$(run_wrk "history-$key-$endpoint" 1 "$HIST_S" get.lua "$API_URL" file="$paths-$endpoint" key="$API_KEY")
        [ "$(val "$r" ok)" -gt 0 ] && [ "$(errors_of "$r")" -eq 0 ] || die "history $endpoint ($provider) answered errors: $r"
        HIST[$key.$endpoint]=$r
    done
    stop_service
    drop_db "$db"
    HIST[$key.rss]=$SERVICE_RSS
}

declare -A ENDPOINT_NAMES=(
    [timeline]="contact timeline" [conversations]="conversation list" [status]="status=failed + last 30 days"
    [search]="text search (q=word)")
declare -A HISTORY_ROWS
history_phase() { # provider phase-label
    local provider=$1 phase=$2 endpoint s b growth p95_cell growth_cell hist_rps rows=""
    history_size "$provider" small "$SMALL_MESSAGES" "$SMALL_CONTACTS"
    history_size "$provider" big "$BIG_MESSAGES" "$BIG_CONTACTS"
    for endpoint in timeline conversations status search; do
        s=${HIST[$provider.small.$endpoint]} b=${HIST[$provider.big.$endpoint]}
        growth=$(calc "$(val "$b" p50_ms) / $(val "$s" p50_ms)")
        p95_cell="-" growth_cell="-"
        hist_rps=$(calc "$(val "$b" responses) / $HIST_S" 0)
        if [ "$endpoint" != search ]; then
            judge lt "$(val "$b" p95_ms)" 20
            p95_cell="< 20 ms: $JUDGED"
            judge within "$growth <= 1.5"
            growth_cell="≤ 1.5: $JUDGED"
        fi
        rows+="| ${ENDPOINT_NAMES[$endpoint]} | ${HIST[$provider.small.$endpoint.items]} / ${HIST[$provider.big.$endpoint.items]} | $(val "$s" p50_ms) / $(val "$s" p95_ms) / $(val "$s" p99_ms) | $(val "$b" p50_ms) / $(val "$b" p95_ms) / $(val "$b" p99_ms) | $(num "$hist_rps") ($(calc "$hist_rps / $FLOOR_RPS" 3)) | $p95_cell | $growth | $growth_cell |"$'\n'
        side "$provider" "history: ${ENDPOINT_NAMES[$endpoint]}, p50 / p95 / p99 at $(num "$SMALL_MESSAGES")" "$(val "$s" p50_ms) / $(val "$s" p95_ms) / $(val "$s" p99_ms) ms"
        side "$provider" "history: ${ENDPOINT_NAMES[$endpoint]}, p50 / p95 / p99 at $(num "$BIG_MESSAGES")" "$(val "$b" p50_ms) / $(val "$b" p95_ms) / $(val "$b" p99_ms) ms"
    done
    HISTORY_ROWS[$provider]=$rows
    judge lt "${HIST[$provider.small.rss]}" 300
    row "$phase" "service peak RSS at $(num "$SMALL_MESSAGES") messages" "${HIST[$provider.small.rss]} MB" "" "< 300 MB" "$JUDGED"
    judge lt "${HIST[$provider.big.rss]}" 300
    row "$phase" "service peak RSS at $(num "$BIG_MESSAGES") messages" "${HIST[$provider.big.rss]} MB" "" "< 300 MB" "$JUDGED"
    side "$provider" "seeding $(num "$SMALL_MESSAGES") / $(num "$BIG_MESSAGES") messages (rows/s at $(num "$BIG_MESSAGES"))" \
        "${HIST[$provider.small.seed_s]} s / ${HIST[$provider.big.seed_s]} s ($(num "${HIST[$provider.big.seed_rate]}")/s)"
    side "$provider" "history: service peak RSS at $(num "$SMALL_MESSAGES") / $(num "$BIG_MESSAGES")" "${HIST[$provider.small.rss]} / ${HIST[$provider.big.rss]} MB"
}

if want history && use sqlite; then
    history_phase sqlite History
fi

# 5. PostgreSQL: the webhook and history phases again, the service on Database:Provider=Postgres -----------------------
if use postgres && { want webhooks || want history; }; then
    start_postgres
    COUNTED=0
    if want webhooks; then webhook_phase postgres "Webhooks, PostgreSQL"; fi
    if want history; then history_phase postgres "History, PostgreSQL"; fi
    COUNTED=1
    stop_postgres
fi

# Report --------------------------------------------------------------------------------------------------------------
if [ "$MODE" = full ] && { [ -n "${REPORT_NAME:-}" ] || { [ "$PHASES" = "webhooks send pacing history" ] && use sqlite; }; }; then
    mkdir -p "$BENCH/results"
    REPORT=$BENCH/results/${REPORT_NAME:-$(date +%F)}.md
else
    REPORT=$(mktemp /tmp/whatsapp-bench-smoke.XXXXXX.md)
fi
history_table() { # provider
    local p=$1
    echo "| Endpoint | items per page | $(num "$SMALL_MESSAGES") msgs over $(num "$SMALL_CONTACTS") contacts | $(num "$BIG_MESSAGES") msgs over $(num "$BIG_CONTACTS") contacts | req/s at $(num "$BIG_MESSAGES") (vs floor) | p95 target | cost growth | growth target |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s' "${HISTORY_ROWS[$p]}"
}
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //' || echo unknown)
{
    echo "# Benchmarks, $(date -u +'%Y-%m-%d %H:%M UTC') ($MODE)"
    echo
    echo "Machine: **$(nproc) cores** ($CPU), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM," \
        "$(uname -sr); .NET SDK $(dotnet --version); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)."
    echo "Load generator: wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $THREADS threads, on the same machine and the same cores as the service; everything on 127.0.0.1."
    echo "Load average (1, 5, 15 min) before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg). Anything else running on the machine shows up here and in every number below."
    echo "Each load is preceded by a ${WARM_S} s warm-up that is not counted; throughput is responses / load seconds. Release build took ${BUILD_S} s."
    echo "Phases: $PHASES; databases: $PROVIDERS."
    if [ -n "${PG_VERSION:-}" ]; then
        echo "PostgreSQL $PG_VERSION on the same machine (a throwaway cluster on 127.0.0.1, fsync, synchronous_commit and" \
            "full_page_writes on, shared_buffers 256MB, otherwise defaults); its rows below are judged against the SQLite" \
            "targets for information only: in parentheses, not counted. The service's peak RSS does not include the server's."
    fi
    echo
    echo "| Phase | Measure | Value | vs floor | Target | Result |"
    echo "|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    if want history && [ "${#HISTORY_ROWS[@]}" -gt 0 ]; then
        echo
        echo "History: p50 / p95 / p99 in ms, one request at a time for $HIST_S s per endpoint (limit=50, first page;" \
            "the timeline rotates over $(num "${HIST[big.contacts]}") seeded contacts, the search over the words ${HIST[big.words]};" \
            "the same requests on every database)." \
            "Items per page: the average over up to 20 of the rotated requests, at $(num "$SMALL_MESSAGES") / at $(num "$BIG_MESSAGES") messages. Page cost growth is p50 at $(num "$BIG_MESSAGES") / p50 at $(num "$SMALL_MESSAGES"). The dispatcher is off in this phase."
        for p in sqlite postgres; do
            [ -n "${HISTORY_ROWS[$p]:-}" ] || continue
            echo
            if [ "$p" = sqlite ]; then
                echo "SQLite: seeding took ${HIST[$p.small.seed_s]} s for $(num "$SMALL_MESSAGES") and ${HIST[$p.big.seed_s]} s for $(num "$BIG_MESSAGES") messages."
            else
                echo "PostgreSQL (targets for information): seeding took ${HIST[$p.small.seed_s]} s for $(num "$SMALL_MESSAGES") and ${HIST[$p.big.seed_s]} s for $(num "$BIG_MESSAGES") messages."
            fi
            echo
            history_table "$p"
        done
    fi
    if [ "${#SIDE_ORDER[@]}" -gt 0 ] && use sqlite && use postgres; then
        echo
        echo "SQLite and PostgreSQL side by side (the same requests, the same seeded rows; seeding times include the migrations):"
        echo
        echo "| Measure | SQLite | PostgreSQL |"
        echo "|---|---|---|"
        for m in "${SIDE_ORDER[@]}"; do echo "| $m | ${SIDE[sqlite|$m]:--} | ${SIDE[postgres|$m]:--} |"; done
    fi
    echo
    if [ "$MODE" = full ]; then
        echo "Targets met: **$TARGETS_MET of $TARGETS_TOTAL**."
        [ "$INFO_TOTAL" -eq 0 ] || echo "PostgreSQL, for information: $INFO_MET of $INFO_TOTAL of the same targets met."
    else
        echo "Smoke run: no targets."
    fi
    if [ "${#NOTES[@]}" -gt 0 ]; then echo; printf -- '- %s\n' "${NOTES[@]}"; fi
} >"$REPORT"
cat "$REPORT"
echo
echo "report: $REPORT"
