#!/usr/bin/env bash
# Benchmarks of the gateway, measured against a floor (a minimal Kestrel app) on the same machine, all on 127.0.0.1.
#
#   bash bench/run.sh           full run (about 10 minutes): writes bench/results/<date>.md and prints it
#   bash bench/run.sh --smoke   a few seconds per phase, small sizes, no targets (CI): writes a temp file
#   PHASES="webhooks send" bash bench/run.sh   the floor and only these phases (webhooks send pacing history), to a
#                               temp file: for trying a change; results to commit come from a whole run
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
    LOAD_S=15 WARM_S=3 DRAIN_S=2 CONNS=64 HIST_S=10 HIST_WARM_S=2 PACE_S=15 DISPATCH_WAIT_S=60 MIN_WEBHOOKS=200000
    BIG_MESSAGES=1000000 BIG_CONTACTS=50000 SMALL_MESSAGES=10000 SMALL_CONTACTS=500 SEED_TIMEOUT_S=1200
fi
PHASES=${PHASES:-webhooks send pacing history}
want() { [[ " $PHASES " == *" $1 "* ]]; }
THREADS=2
HIGH_RATE=100000
DEFAULT_RATE=80
SENDERS=(+14155550100 +14155550101)
SENDER_LIST=$(IFS=,; echo "${SENDERS[*]}")
AUTH_ID=MABENCHBENCHBENCH000
AUTH_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
API_KEY=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

WORK=$(mktemp -d /tmp/whatsapp-bench.XXXXXX)
PIDS=()

log() { echo "== $*" >&2; }
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

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
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

free_port() {
    local p i
    for i in $(seq 1 200); do
        p=$((20000 + RANDOM % 20000))
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
sql() { sqlite3 -cmd ".timeout 10000" "$1" "$2"; }
errors_of() { echo $(($(val "$1" non2xx) + $(val "$1" connect_err) + $(val "$1" read_err) + $(val "$1" write_err) + $(val "$1" timeouts))); }

# Targets: judge sets JUDGED to PASS or FAIL in full mode and to "-" in smoke mode, and keeps the score.
TARGETS_MET=0 TARGETS_TOTAL=0
judge() { # condition-command...
    JUDGED="-"
    [ "$MODE" = full ] || return 0
    TARGETS_TOTAL=$((TARGETS_TOTAL + 1))
    if "$@"; then TARGETS_MET=$((TARGETS_MET + 1)) JUDGED=PASS; else JUDGED=FAIL; fi
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

start_service() { # name database rate|"" extra-env...
    local name=$1 db=$2 rate=$3; shift 3
    local env=(
        ASPNETCORE_ENVIRONMENT=Production "ASPNETCORE_URLS=$API_URL" "ConnectionStrings__WhatsApp=Data Source=$db"
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
if want webhooks; then
# Enough signed requests for half the floor's rate, so the load cannot run out (it would say "exhausted").
WEBHOOKS=$(calc "($FLOOR_RPS * $LOAD_S * 0.5 > $MIN_WEBHOOKS) ? $FLOOR_RPS * $LOAD_S * 0.5 : $MIN_WEBHOOKS" 0)
WARM_WEBHOOKS=$((WEBHOOKS * WARM_S / LOAD_S))
log "webhooks: signing $WEBHOOKS + $WARM_WEBHOOKS requests"
dotnet "$SIGN_DLL" --out "$WORK/webhooks-all.tsv" --count $((WEBHOOKS + WARM_WEBHOOKS)) \
    --url "$API_URL$WEBHOOK_PATH" --token "$AUTH_TOKEN" --contacts 5000 >&2
head -n "$WARM_WEBHOOKS" "$WORK/webhooks-all.tsv" >"$WORK/webhooks-warm.tsv"
tail -n +$((WARM_WEBHOOKS + 1)) "$WORK/webhooks-all.tsv" >"$WORK/webhooks.tsv"
rm "$WORK/webhooks-all.tsv"

log "webhooks: signed inbound messages, V3 validation on, $CONNS connections, $LOAD_S s"
DB=$WORK/webhooks.db
start_service webhooks "$DB" ""
run_wrk webhook-warm "$CONNS" $((WARM_S + DRAIN_S)) webhook.lua "$API_URL" file="$WORK/webhooks-warm.tsv" stop_after="$WARM_S" >/dev/null
STORED_BEFORE=$(sql "$DB" "SELECT count(*) FROM Messages WHERE Direction='Inbound'")
R=$(run_wrk webhook "$CONNS" $((LOAD_S + DRAIN_S)) webhook.lua "$API_URL" file="$WORK/webhooks.tsv" stop_after="$LOAD_S")
STORED=$(($(sql "$DB" "SELECT count(*) FROM Messages WHERE Direction='Inbound'") - STORED_BEFORE))
stop_service
WH_RPS=$(calc "$(val "$R" responses) / $LOAD_S" 0)
WH_200=$(status_count "$R" 200)
WH_ERRORS=$(errors_of "$R")
[ "$(val "$R" ok)" -gt 0 ] || die "no webhook was accepted: $R"
[ "$(val "$R" exhausted)" -eq 0 ] || NOTES+=("Webhooks: the pre-signed requests ran out before the end; the throughput is a lower bound.")
judge ge "$(calc "$WH_RPS / $FLOOR_RPS" 4)" 0.20
row Webhooks "throughput, $CONNS connections, $LOAD_S s" "$(num "$WH_RPS") req/s" "$(calc "$WH_RPS / $FLOOR_RPS")" "≥ 0.20 × floor" "$JUDGED"
judge lt "$(val "$R" p99_ms)" 100
row Webhooks "latency p50 / p99" "$(val "$R" p50_ms) / $(val "$R" p99_ms) ms" "" "p99 < 100 ms" "$JUDGED"
judge [ "$WH_ERRORS" -eq 0 ]
row Webhooks "non-2xx + socket errors" "$WH_ERRORS ($(val "$R" statuses))" "" "0" "$JUDGED"
judge [ "$STORED" -eq "$WH_200" ]
row Webhooks "stored inbound messages / 200s" "$(num "$STORED") / $(num "$WH_200")" "" "equal" "$JUDGED"
rss_row Webhooks

fi

# 3. Send acceptance and dispatch ------------------------------------------------------------------------------------
if want send; then
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
if want pacing; then
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
# One request at a time (one connection), so the latency is the cost of a page and not time spent queueing.
if want history; then
page_items() { # paths-file: average number of items on the pages of its first 20 paths (every item has a contact)
    local path total=0 n=0
    while read -r path && [ "$n" -lt 20 ]; do
        total=$((total + $(curl -fsS --max-time 10 -H "X-Api-Key: $API_KEY" "$API_URL$path" | grep -o '"contact":"' | wc -l)))
        n=$((n + 1))
    done <"$1"
    calc "$total / $n" 0
}
declare -A HIST
history_size() { # label messages contacts
    local label=$1 messages=$2 contacts=$3 db="$WORK/history-$1.db" started
    log "history: seeding $messages messages over $contacts contacts"
    started=$SECONDS
    timeout "$SEED_TIMEOUT_S" dotnet "$SEED_DLL" --database "$db" --messages "$messages" --contacts "$contacts" >"$WORK/seed-$label.log" 2>&1 \
        || { cat "$WORK/seed-$label.log" >&2; die "seeding $messages messages failed"; }
    HIST[$label.seed_s]=$((SECONDS - started))
    local since words
    since=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)
    sql "$db" "SELECT Number FROM Contacts ORDER BY random() LIMIT 1000" \
        | sed 's/^+/%2B/; s#^\(.*\)$#/api/conversations/\1/messages?limit=50#' >"$WORK/paths-timeline"
    echo "/api/conversations?limit=50" >"$WORK/paths-conversations"
    echo "/api/messages?status=failed&created_from=$since&limit=50" >"$WORK/paths-status"
    # Whole ASCII words of five letters or more, so they need no URL encoding.
    words=$(sql "$db" "SELECT Body FROM Messages WHERE Body IS NOT NULL LIMIT 2000" | LC_ALL=C tr -s '[:space:][:punct:]' '\n' \
        | LC_ALL=C grep -E '^[A-Za-z]{5,}$' | tr 'A-Z' 'a-z' | sort -u | head -20 || true)
    [ -n "$words" ] || die "no words to search for in the seeded bodies"
    sed 's#^#/api/messages?limit=50\&q=#' <<<"$words" >"$WORK/paths-search"
    HIST[$label.words]=$(echo $words | tr ' ' ',')
    HIST[$label.contacts]=$(wc -l <"$WORK/paths-timeline")
    start_service "history-$label" "$db" "" Dispatch__Enabled=false
    local endpoint r
    for endpoint in timeline conversations status search; do
        HIST[$label.$endpoint.items]=$(page_items "$WORK/paths-$endpoint")
        run_wrk "history-$label-$endpoint-warm" 1 "$HIST_WARM_S" get.lua "$API_URL" file="$WORK/paths-$endpoint" key="$API_KEY" >/dev/null
        r=$(run_wrk "history-$label-$endpoint" 1 "$HIST_S" get.lua "$API_URL" file="$WORK/paths-$endpoint" key="$API_KEY")
        [ "$(val "$r" ok)" -gt 0 ] && [ "$(errors_of "$r")" -eq 0 ] || die "history $endpoint answered errors: $r"
        HIST[$label.$endpoint]=$r
    done
    stop_service
    HIST[$label.rss]=$SERVICE_RSS
}
history_size small "$SMALL_MESSAGES" "$SMALL_CONTACTS"
history_size big "$BIG_MESSAGES" "$BIG_CONTACTS"

declare -A ENDPOINT_NAMES=(
    [timeline]="contact timeline" [conversations]="conversation list" [status]="status=failed + last 30 days"
    [search]="text search (q=word)")
HISTORY_ROWS=()
for endpoint in timeline conversations status search; do
    s=${HIST[small.$endpoint]} b=${HIST[big.$endpoint]}
    growth=$(calc "$(val "$b" p50_ms) / $(val "$s" p50_ms)")
    p95_cell="-" growth_cell="-"
    hist_rps=$(calc "$(val "$b" responses) / $HIST_S" 0)
    if [ "$endpoint" != search ]; then
        judge lt "$(val "$b" p95_ms)" 20
        p95_cell="< 20 ms: $JUDGED"
        judge within "$growth <= 1.5"
        growth_cell="≤ 1.5: $JUDGED"
    fi
    HISTORY_ROWS+=("| ${ENDPOINT_NAMES[$endpoint]} | ${HIST[small.$endpoint.items]} / ${HIST[big.$endpoint.items]} | $(val "$s" p50_ms) / $(val "$s" p95_ms) / $(val "$s" p99_ms) | $(val "$b" p50_ms) / $(val "$b" p95_ms) / $(val "$b" p99_ms) | $(num "$hist_rps") ($(calc "$hist_rps / $FLOOR_RPS" 3)) | $p95_cell | $growth | $growth_cell |")
done
judge lt "${HIST[small.rss]}" 300
row History "service peak RSS at $(num "$SMALL_MESSAGES") messages" "${HIST[small.rss]} MB" "" "< 300 MB" "$JUDGED"
judge lt "${HIST[big.rss]}" 300
row History "service peak RSS at $(num "$BIG_MESSAGES") messages" "${HIST[big.rss]} MB" "" "< 300 MB" "$JUDGED"

fi

# Report --------------------------------------------------------------------------------------------------------------
if [ "$MODE" = full ] && [ "$PHASES" = "webhooks send pacing history" ]; then
    mkdir -p "$BENCH/results"
    REPORT=$BENCH/results/$(date +%F).md
else
    REPORT=$(mktemp /tmp/whatsapp-bench-smoke.XXXXXX.md)
fi
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //' || echo unknown)
{
    echo "# Benchmarks, $(date -u +'%Y-%m-%d %H:%M UTC') ($MODE)"
    echo
    echo "Machine: **$(nproc) cores** ($CPU), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM," \
        "$(uname -sr); .NET SDK $(dotnet --version); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)."
    echo "Load generator: wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $THREADS threads, on the same machine and the same cores as the service; everything on 127.0.0.1."
    echo "Load average (1, 5, 15 min) before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg). Anything else running on the machine shows up here and in every number below."
    echo "Each load is preceded by a ${WARM_S} s warm-up that is not counted; throughput is responses / load seconds. Release build took ${BUILD_S} s."
    echo
    echo "| Phase | Measure | Value | vs floor | Target | Result |"
    echo "|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    if want history; then
    echo
    echo "History: p50 / p95 / p99 in ms, one request at a time for $HIST_S s per endpoint (limit=50, first page;" \
        "the timeline rotates over $(num "${HIST[big.contacts]}") seeded contacts, the search over the words ${HIST[big.words]})." \
        "Seeding took ${HIST[small.seed_s]} s for $(num "$SMALL_MESSAGES") and ${HIST[big.seed_s]} s for $(num "$BIG_MESSAGES") messages." \
        "Items per page: the average over up to 20 of the rotated requests, at $(num "$SMALL_MESSAGES") / at $(num "$BIG_MESSAGES") messages. Page cost growth is p50 at $(num "$BIG_MESSAGES") / p50 at $(num "$SMALL_MESSAGES"). The dispatcher is off in this phase."
    echo
    echo "| Endpoint | items per page | $(num "$SMALL_MESSAGES") msgs over $(num "$SMALL_CONTACTS") contacts | $(num "$BIG_MESSAGES") msgs over $(num "$BIG_CONTACTS") contacts | req/s at $(num "$BIG_MESSAGES") (vs floor) | p95 target | cost growth | growth target |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${HISTORY_ROWS[@]}"
    fi
    echo
    if [ "$MODE" = full ]; then echo "Targets met: **$TARGETS_MET of $TARGETS_TOTAL**."; else echo "Smoke run: no targets."; fi
    if [ "${#NOTES[@]}" -gt 0 ]; then echo; printf -- '- %s\n' "${NOTES[@]}"; fi
} >"$REPORT"
cat "$REPORT"
echo
echo "report: $REPORT"
