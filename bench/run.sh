#!/usr/bin/env bash
# Benchmarks of the gateway, measured against a floor (a minimal Kestrel app) on the same machine, all on 127.0.0.1.
#
#   bash bench/run.sh           full run (about 12 minutes; more while event deliveries are slow): writes bench/results/<date>.md and prints it
#   bash bench/run.sh --smoke   a few seconds per phase, small sizes, no targets (CI): writes a temp file
#   bash bench/run.sh --against <commit> [--history]
#                               the given commit (base) against the working tree (head): both built in Release, the
#                               webhook and send phases of each run in alternating pairs (ABBA, PAIRS=3 or more) on
#                               the same floor, each pair and the median head / base ratio per measure printed and
#                               judged against the bars (SQLite webhooks and sends >= 0.90, PostgreSQL webhooks >= 1.0);
#                               --history adds the history p95 at the big size. Writes
#                               bench/results/<date>-against-<shortrev>.md (about 15 minutes; --history about 12 more)
#   bash bench/run.sh --smoke --against HEAD   the same path with smoke sizes and 3 pairs, to a temp file (a check of
#                               the path, not in .ci/run for its 4 minutes: bench/README.md)
#   PHASES="webhooks send" bash bench/run.sh   the floor and only these phases (webhooks events send pacing history),
#                               to a temp file: for trying a change; results to commit come from a whole run. With
#                               --against, PHASES can narrow the pairs to webhooks or send (events is not part of it)
#   PHASES=events bash bench/run.sh --smoke    events to the business's webhook endpoints (SQLite): ingestion with one
#                               endpoint against none (EVENT_PAIRS alternating pairs, 3 in a full run), and deliveries
#                               per second to one and to three receivers
#   PROVIDERS="sqlite postgres" the databases to measure (default both): after SQLite's phases, the webhook and history
#                               phases again on a throwaway PostgreSQL cluster with durable settings (.ci/postgres.sh,
#                               installed from Debian's packages when missing); PROVIDERS=sqlite or =postgres for one
#   REPORT_NAME=2026-11-27-postgres  a full run writes bench/results/<REPORT_NAME>.md instead of <date>.md (or
#                               <date>-against-<shortrev>.md), whatever the phases and providers
#
# Installs wrk and sqlite3 from Debian's packages when missing and builds Release. Every wait is bounded in time and
# every process started here is stopped on exit, as is the base commit's worktree removed. A missed target prints FAIL
# but does not fail the script; a phase that cannot run (a process that does not start, a load that gets no answer)
# does.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
MODE=full
AGAINST=""      # --against: the base commit as given
HISTORY_PAIRS=0 # --history: history p95 in the pairs too
usage() { echo "usage: bench/run.sh [--smoke] [--against <commit> [--history]]${1:+ ($1)}" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case $1 in
        --smoke) MODE=smoke ;;
        --against) [ $# -ge 2 ] || usage "--against needs a commit"; AGAINST=$2; shift ;;
        --against=*) AGAINST=${1#--against=} ;;
        --history) HISTORY_PAIRS=1 ;;
        *) usage ;;
    esac
    shift
done
[ -n "$AGAINST" ] || [ "$HISTORY_PAIRS" = 0 ] || usage "--history goes with --against"
PAIRS=${PAIRS:-3}
if [ -n "$AGAINST" ]; then
    [[ $PAIRS =~ ^[0-9]+$ ]] && [ "$PAIRS" -ge 3 ] || { echo "bench: PAIRS must be 3 or more, not $PAIRS: fewer pairs cannot tell a change from the machine's drift" >&2; exit 2; }
fi

if [ "$MODE" = smoke ]; then
    LOAD_S=3 WARM_S=1 DRAIN_S=1 CONNS=16 HIST_S=1 HIST_WARM_S=1 PACE_S=2 DISPATCH_WAIT_S=20 MIN_WEBHOOKS=20000
    BIG_MESSAGES=2000 BIG_CONTACTS=100 SMALL_MESSAGES=500 SMALL_CONTACTS=25 SEED_TIMEOUT_S=120
    EVENT_WEBHOOKS=500 EVENTS_WAIT_S=30 EVENT_PAIRS=${EVENT_PAIRS:-1}
else
    LOAD_S=15 WARM_S=10 DRAIN_S=2 CONNS=64 HIST_S=10 HIST_WARM_S=2 PACE_S=15 DISPATCH_WAIT_S=60 MIN_WEBHOOKS=200000
    BIG_MESSAGES=1000000 BIG_CONTACTS=50000 SMALL_MESSAGES=10000 SMALL_CONTACTS=500 SEED_TIMEOUT_S=1200
    EVENT_WEBHOOKS=6000 EVENTS_WAIT_S=120 EVENT_PAIRS=${EVENT_PAIRS:-3}
fi
DEFAULT_PHASES="webhooks events send pacing history"
PHASES=${PHASES:-$DEFAULT_PHASES}
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

# --against: the base commit checked out in a worktree of its own under /tmp, locked with this process's id and start
# time so that a later run can tell a worktree left behind by a run that was killed outright (kill -9, a lost machine)
# from one still in use by another run.
BASE_TREE="" # the base commit's worktree while it exists
BASE_PREFIX=/tmp/whatsapp-bench-base.
process_start() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $20 }'; } # field 22: start time in ticks
add_base_tree() { # commit
    BASE_TREE=$(mktemp -d "${BASE_PREFIX}XXXXXX")
    git -C "$ROOT" worktree add --detach --lock --reason "bench/run.sh pid $$ start $(process_start $$)" "$BASE_TREE" "$1" \
        >"$WORK/worktree.log" 2>&1 || { cat "$WORK/worktree.log" >&2; die "could not check out $1 in $BASE_TREE"; }
}
remove_base_tree() {
    [ -n "$BASE_TREE" ] || return 0
    git -C "$ROOT" worktree remove --force --force "$BASE_TREE" >/dev/null 2>&1 || true
    rm -rf "$BASE_TREE"
    BASE_TREE=""
}
# Removes this script's worktrees (and only those: ${BASE_PREFIX}*) whose run no longer exists.
prune_stale_base_trees() {
    local line path="" lock="" pid start
    while IFS= read -r line; do
        case $line in
            "worktree "*) path=${line#worktree } lock="" ;;
            locked*) lock=${line#locked} lock=${lock# } ;;
            "")
                if [[ $path == "$BASE_PREFIX"* ]]; then
                    if [[ $lock =~ ^bench/run\.sh\ pid\ ([0-9]+)\ start\ ([0-9]+)$ ]]; then
                        pid=${BASH_REMATCH[1]} start=${BASH_REMATCH[2]}
                        [ "$(process_start "$pid")" != "$start" ] || path="" # its run is still going
                    elif [ -d "$path" ]; then
                        path="" # not locked by this script: leave it
                    fi
                    if [ -n "$path" ]; then
                        log "removing a stale base worktree: $path"
                        git -C "$ROOT" worktree remove --force --force "$path" >/dev/null 2>&1 || true
                        rm -rf "$path"
                    fi
                fi
                path="" lock="" ;;
        esac
    done < <(git -C "$ROOT" worktree list --porcelain; echo)
}

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    stop_postgres
    remove_base_tree
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

# The service and its databases -------------------------------------------------------------------------------------
new_db() { # provider name: a fresh database, as a SQLite path or a PostgreSQL connection string
    if [ "$1" = postgres ]; then
        sql "Host=;Database=postgres" "DROP DATABASE IF EXISTS \"$2\"" >/dev/null
        sql "Host=;Database=postgres" "CREATE DATABASE \"$2\"" >/dev/null
        echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$2"
    else
        rm -f "$WORK/$2.db" "$WORK/$2.db-wal" "$WORK/$2.db-shm"
        echo "$WORK/$2.db"
    fi
}
drop_db() { # database: frees its disk (and PostgreSQL's cache, with a checkpoint so that no write of it lands later)
    case "$1" in
        Host=*)
            sql "Host=;Database=postgres" "DROP DATABASE IF EXISTS \"$(grep -oP 'Database=\K[^;]+' <<<"$1")\" WITH (FORCE)" >/dev/null
            sql "Host=;Database=postgres" "CHECKPOINT" >/dev/null ;;
        *) rm -f "$1" "$1-wal" "$1-shm" ;;
    esac
}

# The side-by-side table: one row per measure, one column per provider.
declare -A SIDE SIDE_SEEN
SIDE_ORDER=()
side() { # provider measure value
    [ -n "${SIDE_SEEN[$2]:-}" ] || { SIDE_SEEN[$2]=1; SIDE_ORDER+=("$2"); }
    SIDE[$1|$2]=$3
}

# api-dir: the built WhatsApp.Api to run (API_DIR, or with --against one side's build); database: a SQLite path or a
# PostgreSQL connection string.
start_service() { # api-dir name database rate|"" extra-env...
    local api=$1 name=$2 db=$3 rate=$4; shift 4
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
    start_bg "$WORK/service-$name.log" env -C "$api" "${env[@]}" dotnet WhatsApp.Api.dll
    SERVICE_PID=$LAST_PID
    wait_http "$API_URL/health/ready" 90 "$SERVICE_PID" || { tail -50 "$WORK/service-$name.log" >&2; die "the service did not start ($name)"; }
}

stop_service() { # sets SERVICE_RSS, the peak RSS in MB
    SERVICE_RSS=$(peak_rss_mb "$SERVICE_PID")
    stop_pid "$SERVICE_PID"
}

rss_row() { # phase
    judge lt "$SERVICE_RSS" 300
    row "$1" "service peak RSS (VmHWM)" "$SERVICE_RSS MB" "" "< 300 MB" "$JUDGED"
}

# Events to the business's webhook endpoints: plain http to 127.0.0.1 must be allowed for the bench's receivers.
EVENTS_ENV=(Events__AllowHttp=true Events__AllowPrivateNetworks=true)
register_endpoint() { # receiver-url: a webhook endpoint subscribed to every event, through the admin API (201)
    local code
    code=$(curl -sS --max-time 10 -o "$WORK/endpoint.json" -w '%{http_code}' -X POST -H "X-Api-Key: $API_KEY" \
        -H 'Content-Type: application/json' -d "{\"url\": \"$1\"}" "$API_URL/api/webhook-endpoints" 2>&1) || true
    [ "$code" = 201 ] || { cat "$WORK/endpoint.json" >&2 2>/dev/null || true; die "registering the webhook endpoint $1 answered $code"; }
}
# Receivers: floor processes (200 to any POST) on free ports, each its own endpoint's URL.
RECEIVER_PIDS=() RECEIVER_URLS=()
start_receivers() { # count: sets RECEIVER_URLS and RECEIVER_PIDS
    local i port taken="${API_PORT:-} ${FLOOR_PORT:-} ${FAKE_PORT:-}"
    for i in $(seq 1 "$1"); do
        port=$(USED_PORTS="${USED_PORTS:-} $taken" free_port) # not yet bound: keep it from the next pick too
        taken+=" $port"
        start_bg "$WORK/receiver-$port.log" dotnet "$FLOOR_DLL" --urls "http://127.0.0.1:$port"
        RECEIVER_PIDS+=("$LAST_PID") RECEIVER_URLS+=("http://127.0.0.1:$port/events")
    done
    for i in "${!RECEIVER_PIDS[@]}"; do
        wait_http "${RECEIVER_URLS[$i]}" 60 "${RECEIVER_PIDS[$i]}" || die "the receiver on ${RECEIVER_URLS[$i]} did not start"
    done
}
stop_receivers() {
    local pid
    for pid in "${RECEIVER_PIDS[@]}"; do stop_pid "$pid"; done
    RECEIVER_PIDS=() RECEIVER_URLS=()
}
# Posts every line of a file of signed webhooks once: wrk's limit gives each thread exactly its share of the lines (the
# few requests that race past the limit, at most one per connection, wrap to the first lines: replays, answered 403
# and stored nowhere), and wrk, which would idle until its duration ends, is stopped with SIGINT (it then prints its
# RESULT line) once the database holds every line's message, or no new one for STALL_S (a request lost to a socket
# error still spends its line), or when the time is up. Sets POSTED_R to wrk's RESULT line; runs in this shell (not in
# $(...)), so that the exit trap knows wrk's process.
STALL_S=5
post_once() { # name file database seconds
    local name=$1 file=$2 db=$3 seconds=$4 lines pid deadline i stored last=-1 since=$SECONDS out="$WORK/wrk-$1.out"
    local threads=$((CONNS < THREADS ? CONNS : THREADS))
    lines=$(wc -l <"$file")
    [ $((lines % threads)) -eq 0 ] || die "post_once: $lines lines do not split evenly over $threads threads"
    wrk -t"$threads" -c"$CONNS" -d"${seconds}s" --timeout 10s -s "$BENCH/lua/webhook.lua" "$API_URL" \
        -- threads="$threads" file="$file" limit=$((lines / threads)) >"$out" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    deadline=$((SECONDS + seconds))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
        stored=$(sql "$db" "SELECT count(*) FROM Messages WHERE Direction = 'Inbound'") || stored=$last
        [ "$stored" -lt "$lines" ] || break
        if [ "$stored" != "$last" ]; then last=$stored since=$SECONDS
        elif [ "$stored" -gt 0 ] && [ $((SECONDS - since)) -ge "$STALL_S" ]; then break; fi
        sleep 0.25
    done
    sleep "$DRAIN_S" # the racing replays
    kill -INT "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    stop_pid "$pid"
    POSTED_R=$(grep '^RESULT ' "$out" | tail -1) && [ -n "$POSTED_R" ] || { cat "$out" >&2; die "wrk $name printed no RESULT"; }
}
delivery_statuses() { # database: "Pending 12, Succeeded 3400" (none: "none")
    local s
    s=$(sql "$1" "SELECT group_concat(Status || ' ' || n, ', ') FROM (SELECT Status, count(*) n FROM EventDeliveries GROUP BY Status ORDER BY Status)")
    echo "${s:-none}"
}

fake_stats() { curl -fsS --max-time 5 "$FAKE_URL/stats.txt"; }
fake_total() { fake_stats | grep -oP '^total=\K[0-9]+'; }
fake_reset() { curl -fsS --max-time 5 -X POST -o /dev/null "$FAKE_URL/reset"; }
wait_dispatched() { # expected seconds; returns when the fake has seen expected messages or the time is up
    local deadline=$((SECONDS + $2))
    while [ "$(fake_total)" -lt "$1" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
}

# Measurements: one load each, on a fresh database. They set globals and write no report rows, so that the phases of
# the full run and the pairs of --against share them. ----------------------------------------------------------------

measure_floor() { # sets FLOOR_R (wrk's RESULT line), FLOOR_RPS, FLOOR_RSS
    log "floor: minimal Kestrel app, $CONNS connections, $LOAD_S s"
    start_bg "$WORK/floor.log" dotnet "$FLOOR_DLL" --urls "$FLOOR_URL"
    local pid=$LAST_PID
    wait_http "$FLOOR_URL/" 60 "$pid" || die "the floor app did not start"
    run_wrk floor-warm "$CONNS" $((WARM_S + DRAIN_S)) floor.lua "$FLOOR_URL" stop_after="$WARM_S" >/dev/null
    FLOOR_R=$(run_wrk floor "$CONNS" $((LOAD_S + DRAIN_S)) floor.lua "$FLOOR_URL" stop_after="$LOAD_S")
    FLOOR_RPS=$(calc "$(val "$FLOOR_R" responses) / $LOAD_S" 0)
    FLOOR_RSS=$(peak_rss_mb "$pid")
    stop_pid "$pid"
    [ "$(val "$FLOOR_R" ok)" -gt 0 ] || die "the floor answered nothing"
}

# The same signed requests for every run, each on a fresh database (so their nonces are new to it).
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

# Webhook ingestion: sets WH_R (wrk's RESULT line), WH_RPS, WH_OK200, WH_STORED (inbound messages stored during the
# load), WH_ERRORS (non-2xx + socket errors) and SERVICE_RSS. With receivers (the events phase), each is registered as
# a webhook endpoint before the warm-up, so the service delivers events while it ingests; then WH_DELIVERIES holds the
# deliveries by status at the end of the load (warm-up included) and WH_EVENTS the events stored by then.
measure_webhooks() { # api-dir provider name [receiver-url...]
    local api=$1 provider=$2 name=$3 db before url; shift 3
    sign_webhooks
    log "webhooks ($name): signed inbound messages, V3 validation on, $CONNS connections, $LOAD_S s${1:+, $# webhook endpoint(s)}"
    db=$(new_db "$provider" "webhooks-$name")
    if [ $# -gt 0 ]; then
        start_service "$api" "webhooks-$name" "$db" "" "${EVENTS_ENV[@]}"
        for url in "$@"; do register_endpoint "$url"; done
    else
        start_service "$api" "webhooks-$name" "$db" ""
    fi
    run_wrk "webhook-warm-$name" "$CONNS" $((WARM_S + DRAIN_S)) webhook.lua "$API_URL" file="$WORK/webhooks-warm.tsv" stop_after="$WARM_S" >/dev/null
    before=$(sql "$db" "SELECT count(*) FROM \"Messages\" WHERE \"Direction\" = 'Inbound'")
    WH_R=$(run_wrk "webhook-$name" "$CONNS" $((LOAD_S + DRAIN_S)) webhook.lua "$API_URL" file="$WORK/webhooks.tsv" stop_after="$LOAD_S")
    WH_STORED=$(($(sql "$db" "SELECT count(*) FROM \"Messages\" WHERE \"Direction\" = 'Inbound'") - before))
    WH_DELIVERIES="" WH_EVENTS=""
    if [ $# -gt 0 ]; then
        WH_DELIVERIES=$(delivery_statuses "$db")
        WH_EVENTS=$(sql "$db" "SELECT count(*) FROM \"Events\"")
    fi
    stop_service
    drop_db "$db"
    WH_RPS=$(calc "$(val "$WH_R" responses) / $LOAD_S" 0)
    WH_OK200=$(status_count "$WH_R" 200)
    WH_ERRORS=$(errors_of "$WH_R")
    [ "$(val "$WH_R" ok)" -gt 0 ] || die "no webhook was accepted ($name): $WH_R"
}

# Send acceptance and dispatch (SQLite): sets SEND_R (wrk's RESULT line), SEND_RPS, SEND_ACCEPTED, SEND_ERRORS,
# SEND_STATUSES (stored messages by status), DISPATCHED, DISPATCH_RATE (first to last arrival at the fake Plivo),
# DURING_LOAD (the dispatch rate while the load ran) and SERVICE_RSS.
measure_send() { # api-dir name
    local api=$1 name=$2 db w at_end final first last
    log "send ($name): POST /api/messages, $CONNS connections, $LOAD_S s; dispatch to the fake Plivo at $HIGH_RATE/s per sender"
    db=$(new_db sqlite "send-$name")
    fake_reset
    start_service "$api" "send-$name" "$db" "$HIGH_RATE"
    w=$(run_wrk "send-warm-$name" "$CONNS" $((WARM_S + DRAIN_S)) send.lua "$API_URL" key="$API_KEY" senders="$SENDER_LIST" stop_after="$WARM_S")
    wait_dispatched "$(val "$w" ok)" "$DISPATCH_WAIT_S"
    fake_reset
    SEND_R=$(run_wrk "send-$name" "$CONNS" $((LOAD_S + DRAIN_S)) send.lua "$API_URL" key="$API_KEY" senders="$SENDER_LIST" stop_after="$LOAD_S")
    at_end=$(fake_stats)
    SEND_ACCEPTED=$(status_count "$SEND_R" 202)
    wait_dispatched "$SEND_ACCEPTED" "$DISPATCH_WAIT_S"
    final=$(fake_stats)
    SEND_STATUSES=$(sql "$db" "SELECT group_concat(Status || ' ' || n, ', ') FROM (SELECT Status, count(*) n FROM Messages GROUP BY Status)")
    stop_service
    drop_db "$db"
    [ "$SEND_ACCEPTED" -gt 0 ] || die "no send was accepted ($name): $SEND_R"
    SEND_RPS=$(calc "$(val "$SEND_R" responses) / $LOAD_S" 0)
    SEND_ERRORS=$(errors_of "$SEND_R")
    first=$(grep -oP 'first_s=\K[0-9.]+' <<<"$final" | sort -g | head -1)
    last=$(grep -oP 'last_s=\K[0-9.]+' <<<"$final" | sort -g | tail -1)
    DISPATCHED=$(grep -oP '^total=\K[0-9]+' <<<"$final")
    [ "$DISPATCHED" -gt 1 ] || die "nothing reached the fake Plivo ($name)"
    DISPATCH_RATE=$(calc "$DISPATCHED / ($last - $first)" 0)
    DURING_LOAD=$(calc "$(grep -oP '^total=\K[0-9]+' <<<"$at_end") / ($(grep -oP 'now_s=\K[0-9.]+' <<<"$at_end") - $first)" 0)
}

# History: one request at a time (one connection), so the latency is the cost of a page and not time spent queueing.
# Every database gets the same seeded rows (the same options and --until) and the same requests.
declare -A HIST
seed_history() { # provider key messages contacts: a fresh database seeded by the working tree's seeder; sets SEEDED_DB
    local provider=$1 key=$2 messages=$3 contacts=$4 started target
    SEEDED_DB=$(new_db "$provider" "history-${key#*.}")
    target=(--database "$SEEDED_DB")
    [ "$provider" = sqlite ] || target=(--postgres "$SEEDED_DB")
    log "history ($provider): seeding $messages messages over $contacts contacts"
    started=$SECONDS
    timeout "$SEED_TIMEOUT_S" dotnet "$SEED_DLL" "${target[@]}" --messages "$messages" --contacts "$contacts" --until "$SEED_UNTIL" >"$WORK/seed-$key.log" 2>&1 \
        || { cat "$WORK/seed-$key.log" >&2; die "seeding $messages messages ($provider) failed"; }
    HIST[$key.seed_s]=$((SECONDS - started))
    HIST[$key.seed_rate]=$(grep -oP 'rows/second \K[0-9]+' "$WORK/seed-$key.log" || echo 0)
}
history_paths() { # database label: the requests of every endpoint, $WORK/paths-<label>-<endpoint>, made from the first database seeded at this size
    local db=$1 label=$2 paths="$WORK/paths-$2" since words
    [ ! -s "$paths-timeline" ] || return 0
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
}
page_items() { # paths-file: average number of items on the pages of its first 20 paths (every item has a contact)
    local path total=0 n=0
    while read -r path && [ "$n" -lt 20 ]; do
        total=$((total + $(curl -fsS --max-time 10 -H "X-Api-Key: $API_KEY" "$API_URL$path" | grep -o '"contact":"' | wc -l)))
        n=$((n + 1))
    done <"$1"
    calc "$total / $n" 0
}
HISTORY_ENDPOINTS=(timeline conversations status search search_rare search_none inbox_list inbox_conversation)
declare -A ENDPOINT_NAMES=(
    [timeline]="contact timeline" [conversations]="conversation list" [status]="status=failed + last 30 days"
    [search]="text search, common word (q=word)" [search_rare]="text search, word in one message"
    [search_none]="text search, word in no message" [inbox_list]="inbox: conversation list page"
    [inbox_conversation]="inbox: a conversation page")
# Issue 18's bar for text search and the inbox's pages; the API's other lists keep their 20 ms.
declare -A ENDPOINT_P95=([search]=50 [search_rare]=50 [search_none]=50 [inbox_list]=50 [inbox_conversation]=50)
INBOX_EMAIL=bench@example.com INBOX_PASSWORD=bench-inbox-password
# Against the running service: 20 messages each holding a token found nowhere else (an order number an agent looks up),
# the searches for them and for 20 tokens in no message, and the inbox's pages with a signed-in admin's cookie.
rare_and_inbox_paths() { # label
    local paths="$WORK/paths-$1" token i
    if [ ! -s "$WORK/tokens-$1" ]; then
        for i in $(seq 20); do echo "zq$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"; done >"$WORK/tokens-$1"
    fi
    : >"$paths-search_rare"
    while read -r token; do
        curl -fsS -o /dev/null -X POST "$API_URL/api/messages" -H "X-Api-Key: $API_KEY" -H 'Content-Type: application/json' \
            -d "{\"to\":\"+447700900999\",\"message\":\"Your parcel $token is on its way\"}" || die "could not store the message with $token"
        echo "/api/messages?limit=50&q=$token" >>"$paths-search_rare"
    done <"$WORK/tokens-$1"
    sed 's#^zq#qz#; s#^#/api/messages?limit=50\&q=#' "$WORK/tokens-$1" >"$paths-search_none"
    echo "/inbox" >"$paths-inbox_list"
    head -n 200 "$paths-timeline" | sed 's#/api/conversations/\([^/]*\)/messages.*#/inbox/conversations/\1#' >"$paths-inbox_conversation"
    INBOX_COOKIE=$(inbox_cookie)
}
inbox_cookie() { # makes the bench's inbox admin (once per database) and signs in; prints the cookie as NAME=VALUE
    local jar="$WORK/inbox-jar" token
    curl -sS -o /dev/null -X POST "$API_URL/api/users" -H "X-Api-Key: $API_KEY" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$INBOX_EMAIL\",\"name\":\"Bench\",\"password\":\"$INBOX_PASSWORD\",\"role\":\"admin\"}"
    token=$(curl -fsS -c "$jar" "$API_URL/inbox/login" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+')
    # The session cookie is Secure outside Development: taken from the header, as curl keeps no Secure cookie from http.
    curl -fsS -b "$jar" -D - -o /dev/null --data-urlencode "email=$INBOX_EMAIL" --data-urlencode "password=$INBOX_PASSWORD" \
        --data-urlencode "__RequestVerificationToken=$token" "$API_URL/inbox/login" \
        | grep -ioP '^set-cookie: \Kwhatsapp_inbox=[^;]+' || die "the bench user could not sign in to the inbox"
}
# Against the running service, per endpoint: (the items per page), a warm-up, then HIST_S s of load; sets
# HIST[<key>.<endpoint>] to wrk's RESULT line (and HIST[<key>.<endpoint>.items]).
query_history() { # key label with-items(0|1)
    local key=$1 paths="$WORK/paths-$2" items=$3 endpoint r
    for endpoint in "${HISTORY_ENDPOINTS[@]}"; do
        local auth=(key="$API_KEY")
        [ "${endpoint#inbox_}" = "$endpoint" ] || auth=(cookie="$INBOX_COOKIE")
        if [ "$items" != 0 ]; then
            HIST[$key.$endpoint.items]=-
            [ "${endpoint#inbox_}" != "$endpoint" ] || HIST[$key.$endpoint.items]=$(page_items "$paths-$endpoint")
        fi
        run_wrk "history-$key-$endpoint-warm" 1 "$HIST_WARM_S" get.lua "$API_URL" file="$paths-$endpoint" "${auth[@]}" >/dev/null
        r=$(run_wrk "history-$key-$endpoint" 1 "$HIST_S" get.lua "$API_URL" file="$paths-$endpoint" "${auth[@]}")
        [ "$(val "$r" ok)" -gt 0 ] && [ "$(errors_of "$r")" -eq 0 ] || die "history $endpoint ($key) answered errors: $r"
        HIST[$key.$endpoint]=$r
    done
}

# The phases of the full (and smoke) run: the measurements above, judged and written as report rows ---------------------

floor_rows() {
    row Floor "throughput, $CONNS connections, $LOAD_S s" "$(num "$FLOOR_RPS") req/s" "1.00" "" ""
    row Floor "latency p50 / p99" "$(val "$FLOOR_R" p50_ms) / $(val "$FLOOR_R" p99_ms) ms" "" "" ""
    row Floor "non-2xx + socket errors" "$(errors_of "$FLOOR_R")" "" "" ""
    row Floor "peak RSS (VmHWM)" "$FLOOR_RSS MB" "" "" ""
}

webhook_phase() { # provider phase-label
    local provider=$1 phase=$2 r
    measure_webhooks "$API_DIR" "$provider" "$provider"
    r=$WH_R
    [ "$(val "$r" exhausted)" -eq 0 ] || NOTES+=("$phase: the pre-signed requests ran out before the end; the throughput is a lower bound.")
    judge ge "$(calc "$WH_RPS / $FLOOR_RPS" 4)" 0.20
    row "$phase" "throughput, $CONNS connections, $LOAD_S s" "$(num "$WH_RPS") req/s" "$(calc "$WH_RPS / $FLOOR_RPS")" "≥ 0.20 × floor" "$JUDGED"
    judge lt "$(val "$r" p99_ms)" 100
    row "$phase" "latency p50 / p99" "$(val "$r" p50_ms) / $(val "$r" p99_ms) ms" "" "p99 < 100 ms" "$JUDGED"
    judge [ "$WH_ERRORS" -eq 0 ]
    row "$phase" "non-2xx + socket errors" "$WH_ERRORS ($(val "$r" statuses))" "" "0" "$JUDGED"
    judge [ "$WH_STORED" -eq "$WH_OK200" ]
    row "$phase" "stored inbound messages / 200s" "$(num "$WH_STORED") / $(num "$WH_OK200")" "" "equal" "$JUDGED"
    rss_row "$phase"
    side "$provider" "webhooks: throughput (vs floor)" "$(num "$WH_RPS") req/s ($(calc "$WH_RPS / $FLOOR_RPS"))"
    side "$provider" "webhooks: latency p50 / p99" "$(val "$r" p50_ms) / $(val "$r" p99_ms) ms"
    side "$provider" "webhooks: non-2xx + socket errors; stored / 200s" "$WH_ERRORS; $(num "$WH_STORED") / $(num "$WH_OK200")"
    side "$provider" "webhooks: service peak RSS" "$SERVICE_RSS MB"
}

# Events (SQLite): what delivering events costs the ingestion, and how fast the service delivers them.
#
# Deliveries to receivers: a fresh database and service, one endpoint per receiver, then EVENT_WEBHOOKS of the signed
# webhooks posted once each (post_once, within EVENTS_WAIT_S), then a wait of up to EVENTS_WAIT_S more for every event
# to be fanned out and no delivery to be pending. Sets DL_POSTED (200s), DL_EVENTS (inbound messages stored),
# DL_EXPECTED (events x endpoints), DL_SUCCEEDED, DL_FAILED, DL_PENDING (left at the end of the wait), DL_ATTEMPTS,
# DL_NON2XX (attempts without a 2xx), DL_POST_MS (the attempts' average / longest POST), DL_IN_FLIGHT (POSTs under way
# on average over the span: their summed durations / the span; the concurrency limit is per endpoint), DL_SPAN_S (first to last
# attempt), DL_RATE (succeeded / span), DL_WAITED_S, DL_R (wrk's RESULT line) and SERVICE_RSS.
measure_deliveries() { # receivers
    local n=$1 db url deadline left started file="$WORK/webhooks-events.tsv"
    sign_webhooks
    [ -s "$file" ] || head -n "$EVENT_WEBHOOKS" "$WORK/webhooks.tsv" >"$file"
    [ "$(wc -l <"$file")" -eq "$EVENT_WEBHOOKS" ] || die "fewer than $EVENT_WEBHOOKS signed webhooks for the events phase"
    log "events: $(num "$EVENT_WEBHOOKS") webhooks posted once each, delivered to $n receiver(s); waiting up to $EVENTS_WAIT_S s for the deliveries"
    start_receivers "$n"
    db=$(new_db sqlite "events-$n")
    start_service "$API_DIR" "events-$n" "$db" "" "${EVENTS_ENV[@]}"
    for url in "${RECEIVER_URLS[@]}"; do register_endpoint "$url"; done
    post_once "events-$n" "$file" "$db" "$EVENTS_WAIT_S"
    DL_R=$POSTED_R
    started=$SECONDS deadline=$((SECONDS + EVENTS_WAIT_S))
    while :; do
        left=$(sql "$db" "SELECT (SELECT count(*) FROM EventDeliveries WHERE Status = 'Pending') + (SELECT count(*) FROM Events WHERE FannedOut = 0)")
        [ "$left" -gt 0 ] && [ "$SECONDS" -lt "$deadline" ] || break
        sleep 0.5
    done
    DL_WAITED_S=$((SECONDS - started))
    DL_EVENTS=$(sql "$db" "SELECT count(*) FROM Messages WHERE Direction = 'Inbound'")
    DL_SUCCEEDED=$(sql "$db" "SELECT count(*) FROM EventDeliveries WHERE Status = 'Succeeded'")
    DL_FAILED=$(sql "$db" "SELECT count(*) FROM EventDeliveries WHERE Status = 'Failed'")
    DL_PENDING=$(sql "$db" "SELECT count(*) FROM EventDeliveries WHERE Status = 'Pending'")
    DL_ATTEMPTS=$(sql "$db" "SELECT count(*) FROM DeliveryAttempts")
    DL_NON2XX=$(sql "$db" "SELECT count(*) FROM DeliveryAttempts WHERE StatusCode IS NULL OR StatusCode NOT BETWEEN 200 AND 299")
    DL_SPAN_S=$(sql "$db" "SELECT coalesce((julianday(max(AttemptedAt)) - julianday(min(AttemptedAt))) * 86400, 0) FROM DeliveryAttempts")
    DL_POST_MS=$(sql "$db" "SELECT coalesce(printf('%.1f / %d', avg(DurationMs), max(DurationMs)), '-') FROM DeliveryAttempts")
    DL_IN_FLIGHT=$(sql "$db" "SELECT coalesce(printf('%.1f', sum(DurationMs) / 1000.0 / nullif((julianday(max(AttemptedAt)) - julianday(min(AttemptedAt))) * 86400, 0)), '-') FROM DeliveryAttempts")
    stop_service
    stop_receivers
    drop_db "$db"
    DL_POSTED=$(status_count "$DL_R" 200)
    DL_EXPECTED=$((DL_EVENTS * n))
    [ "$(val "$DL_R" ok)" -gt 0 ] || die "no webhook was accepted (events, $n receivers): $DL_R"
    DL_RATE=$(calc "($DL_SPAN_S > 0) ? $DL_SUCCEEDED / $DL_SPAN_S : 0" 0)
}

events_phase() {
    local r ratio ratios="" each="" rss=0 n what i one_sum=0
    # The machine's speed drifts between minutes (the no-endpoint rate alone moved from 2,062 to 5,138 req/s between
    # runs), so the ingestion is measured in alternating pairs, without and with the endpoint, and judged by the median.
    start_receivers 1
    for i in $(seq 1 "$EVENT_PAIRS"); do
        measure_webhooks "$API_DIR" sqlite "events-none-$i"
        local base=$WH_RPS
        [ "$SERVICE_RSS" -le "$rss" ] || rss=$SERVICE_RSS
        measure_webhooks "$API_DIR" sqlite "events-one-$i" "${RECEIVER_URLS[0]}"
        [ "$SERVICE_RSS" -le "$rss" ] || rss=$SERVICE_RSS
        r=$WH_R
        [ "$(val "$r" exhausted)" -eq 0 ] || NOTES+=("Events: the pre-signed requests ran out before the end of the load with one endpoint; the throughput is a lower bound.")
        ratio=$(calc "$WH_RPS / $base" 4)
        ratios+="$ratio"$'\n' each+="${each:+, }$(num "$WH_RPS") / $(num "$base") = $(calc "$ratio")"
        one_sum=$(calc "$one_sum + $WH_RPS" 0)
    done
    stop_receivers
    ratio=$(median <<<"${ratios%$'\n'}")
    judge ge "$ratio" 0.80
    row Events "ingestion with 1 endpoint, $CONNS connections, $LOAD_S s: median over $EVENT_PAIRS alternating pairs of with / without an endpoint (each pair: req/s with / without)" \
        "$(calc "$ratio") × ($each)" "$(calc "$one_sum / $EVENT_PAIRS / $FLOOR_RPS")" "≥ 0.80 × no endpoint" "$JUDGED"
    row Events "ingestion with 1 endpoint, last pair: latency p50 / p99; non-2xx + socket errors; stored inbound / 200s" \
        "$(val "$r" p50_ms) / $(val "$r" p99_ms) ms; $WH_ERRORS; $(num "$WH_STORED") / $(num "$WH_OK200")" "" "" ""
    row Events "ingestion with 1 endpoint, last pair: deliveries by the end of the load, for $(num "$WH_EVENTS") events (warm-up included)" "$WH_DELIVERIES" "" "" ""
    for n in 1 3; do
        measure_deliveries "$n"
        [ "$SERVICE_RSS" -le "$rss" ] || rss=$SERVICE_RSS
        what="receiver"; [ "$n" = 1 ] || what="receivers"
        judge ge "$DL_RATE" 1000
        row Events "deliveries/s to $n $what, first to last attempt ($(num "$DL_SUCCEEDED") in $(calc "$DL_SPAN_S") s)" "$(num "$DL_RATE")/s" "" "≥ 1,000/s" "$JUDGED"
        row Events "to $n $what: delivered / expected (events × endpoints); failed; pending after $DL_WAITED_S s; attempts (non-2xx); POST avg / max ms; POSTs in flight on average" \
            "$(num "$DL_SUCCEEDED") / $(num "$DL_EXPECTED"); $DL_FAILED; $DL_PENDING; $(num "$DL_ATTEMPTS") ($DL_NON2XX); $DL_POST_MS; $DL_IN_FLIGHT" "" "" ""
        [ "$DL_POSTED" -eq "$EVENT_WEBHOOKS" ] && [ "$DL_EVENTS" -eq "$EVENT_WEBHOOKS" ] \
            || NOTES+=("Events, $n $what: $(num "$DL_POSTED") of $(num "$EVENT_WEBHOOKS") webhooks answered 200 and $(num "$DL_EVENTS") inbound messages were stored (statuses $(val "$DL_R" statuses), the 403s replays: see post_once; connect / read / write errors, timeouts: $(val "$DL_R" connect_err) / $(val "$DL_R" read_err) / $(val "$DL_R" write_err), $(val "$DL_R" timeouts)).")
        [ "$DL_SUCCEEDED" -eq "$DL_EXPECTED" ] \
            || NOTES+=("Events, $n $what: $(num "$DL_SUCCEEDED") of $(num "$DL_EXPECTED") deliveries succeeded within $EVENTS_WAIT_S s after the load ($DL_FAILED failed, $DL_PENDING pending).")
    done
    SERVICE_RSS=$rss
    rss_row Events
}

send_phase() {
    measure_send "$API_DIR" sqlite
    local r=$SEND_R
    [ "$DISPATCHED" -ge "$SEND_ACCEPTED" ] || NOTES+=("Dispatch: $(num "$DISPATCHED") of $(num "$SEND_ACCEPTED") accepted messages reached the fake Plivo within $DISPATCH_WAIT_S s after the load.")
    judge ge "$(calc "$SEND_RPS / $FLOOR_RPS" 4)" 0.20
    row Send "acceptance, $CONNS connections, $LOAD_S s" "$(num "$SEND_RPS") req/s" "$(calc "$SEND_RPS / $FLOOR_RPS")" "≥ 0.20 × floor" "$JUDGED"
    row Send "latency p50 / p99" "$(val "$r" p50_ms) / $(val "$r" p99_ms) ms" "" "" ""
    judge [ "$SEND_ERRORS" -eq 0 ]
    row Send "non-2xx + socket errors" "$SEND_ERRORS ($(val "$r" statuses))" "" "0" "$JUDGED"
    judge ge "$DISPATCH_RATE" 2000
    row Send "dispatch to fake Plivo, first to last arrival" "$(num "$DISPATCH_RATE") msg/s" "$(calc "$DISPATCH_RATE / $FLOOR_RPS")" "≥ 2,000 msg/s" "$JUDGED"
    row Send "dispatch while the load ran" "$(num "$DURING_LOAD") msg/s" "$(calc "$DURING_LOAD / $FLOOR_RPS")" "" ""
    row Send "reached fake Plivo / accepted; stored statuses" "$(num "$DISPATCHED") / $(num "$SEND_ACCEPTED"); $SEND_STATUSES" "" "" ""
    rss_row Send
}

# Pacing at the default limit: a backlog on both senders queued with the dispatcher off, then the service restarted
# with it on, and the arrival rate per sender at the fake Plivo observed while the backlog lasts.
pacing_phase() {
    local per_sender=$((DEFAULT_RATE * (PACE_S + 2))) send_rps=${SEND_RPS:-300} enqueue_s db r paced left s line avg steady max count
    enqueue_s=$(calc "(2 * $per_sender / $send_rps * 1.3 + 2 < 60) ? 2 * $per_sender / $send_rps * 1.3 + 2 : 60" 0)
    log "pacing: queueing $per_sender messages per sender (at most $enqueue_s s), then $PACE_S s at the default $DEFAULT_RATE/s per sender"
    db=$(new_db sqlite pacing)
    start_service "$API_DIR" pacing-enqueue "$db" "" Dispatch__Enabled=false
    r=$(run_wrk pacing-enqueue "$CONNS" $((enqueue_s + DRAIN_S)) send.lua "$API_URL" key="$API_KEY" senders="$SENDER_LIST" \
        limit=$((per_sender * 2 / THREADS)) stop_after="$enqueue_s")
    stop_service
    fake_reset
    start_service "$API_DIR" pacing "$db" ""
    sleep "$PACE_S"
    paced=$(fake_stats)
    left=$(sql "$db" "SELECT count(*) FROM Messages WHERE Status='Queued'")
    stop_service
    drop_db "$db"
    [ "$left" -gt 0 ] || NOTES+=("Pacing: the backlog ran out before the observation ended; the rate is a lower bound.")
    for s in "${SENDERS[@]}"; do
        line=$(grep -F "sender=${s#+} " <<<"$paced" || true) # Plivo gets numbers as digits only
        [ -n "$line" ] || die "no message from $s reached the fake Plivo: $paced"
        avg=$(grep -oP 'average_per_second=\K[0-9.]+' <<<"$line")
        steady=$(grep -oP 'steady_per_second=\K[0-9.]+' <<<"$line")
        max=$(grep -oP 'max_in_any_second=\K[0-9]+' <<<"$line")
        count=$(grep -oP 'count=\K[0-9]+' <<<"$line")
        judge within "$steady >= $DEFAULT_RATE * 0.95 && $steady <= $DEFAULT_RATE * 1.05 && $max <= $DEFAULT_RATE"
        row Pacing "sender $s at the default $DEFAULT_RATE/s ($count sent): steady rate / most in any 1 s window / first-to-last average" \
            "$(calc "$steady" 1)/s / $max / $(calc "$avg" 1)/s" "" "steady within 5% of 80/s, never > 80 in 1 s" "$JUDGED"
    done
    row Pacing "accepted into the backlog; still queued at the end" "$(num "$(status_count "$r" 202)"); $(num "$left")" "" "" ""
    rss_row Pacing
}

# History at two sizes. Every provider gets the same requests (the first provider's contacts and words).
history_size() { # provider label messages contacts
    local provider=$1 label=$2 key="$1.$2"
    seed_history "$provider" "$key" "$3" "$4"
    history_paths "$SEEDED_DB" "$label"
    start_service "$API_DIR" "history-$key" "$SEEDED_DB" "" Dispatch__Enabled=false
    rare_and_inbox_paths "$label"
    query_history "$key" "$label" 1
    stop_service
    drop_db "$SEEDED_DB"
    HIST[$key.rss]=$SERVICE_RSS
}

declare -A HISTORY_ROWS
history_phase() { # provider phase-label
    local provider=$1 phase=$2 endpoint s b growth p95_cell growth_cell hist_rps rows=""
    history_size "$provider" small "$SMALL_MESSAGES" "$SMALL_CONTACTS"
    history_size "$provider" big "$BIG_MESSAGES" "$BIG_CONTACTS"
    for endpoint in "${HISTORY_ENDPOINTS[@]}"; do
        s=${HIST[$provider.small.$endpoint]} b=${HIST[$provider.big.$endpoint]}
        growth=$(calc "$(val "$b" p50_ms) / $(val "$s" p50_ms)")
        p95_cell="-" growth_cell="-"
        hist_rps=$(calc "$(val "$b" responses) / $HIST_S" 0)
        if [ -n "${ENDPOINT_P95[$endpoint]:-}" ]; then
            judge lt "$(val "$b" p95_ms)" "${ENDPOINT_P95[$endpoint]}"
            p95_cell="< ${ENDPOINT_P95[$endpoint]} ms: $JUDGED"
        else
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

# The report of the full (and smoke) run ------------------------------------------------------------------------------
machine_lines() { # [what was built]: the machine, the load generator and the load average, for every report
    local cpu
    cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //' || echo unknown)
    echo "Machine: **$(nproc) cores** ($cpu), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM," \
        "$(uname -sr); .NET SDK $(dotnet --version)${1:+; $1}."
    echo "Load generator: wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $THREADS threads, on the same machine and the same cores as the service; everything on 127.0.0.1."
    echo "Load average (1, 5, 15 min) before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg). Anything else running on the machine shows up here and in every number below."
}
history_table() { # provider
    local p=$1
    echo "| Endpoint | items per page | $(num "$SMALL_MESSAGES") msgs over $(num "$SMALL_CONTACTS") contacts | $(num "$BIG_MESSAGES") msgs over $(num "$BIG_CONTACTS") contacts | req/s at $(num "$BIG_MESSAGES") (vs floor) | p95 target | cost growth | growth target |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s' "${HISTORY_ROWS[$p]}"
}
write_report() {
    local report m p
    if [ "$MODE" = full ] && { [ -n "${REPORT_NAME:-}" ] || { [ "$PHASES" = "$DEFAULT_PHASES" ] && use sqlite; }; }; then
        mkdir -p "$BENCH/results"
        report=$BENCH/results/${REPORT_NAME:-$(date +%F)}.md
    else
        report=$(mktemp /tmp/whatsapp-bench-smoke.XXXXXX.md)
    fi
    {
        echo "# Benchmarks, $(date -u +'%Y-%m-%d %H:%M UTC') ($MODE)"
        echo
        machine_lines "commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
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
        if want events && use sqlite; then
            echo
            echo "Events (SQLite; receivers are floor processes on the same machine, endpoints registered with" \
                "\`Events__AllowHttp\` and \`Events__AllowPrivateNetworks\`): every inbound webhook makes one \`message.received\` event." \
                "Ingestion with 1 endpoint is the webhook load with one endpoint registered before the warm-up, against the" \
                "same load without one in the same run. Deliveries: a fresh database, $(num "$EVENT_WEBHOOKS") signed webhooks posted once" \
                "each, a wait of up to $EVENTS_WAIT_S s for no pending delivery; deliveries/s is succeeded deliveries / the seconds" \
                "from the first to the last attempt (\`DeliveryAttempts.AttemptedAt\`). The peak RSS is the highest of the phase's runs."
        fi
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
    } >"$report"
    cat "$report"
    echo
    echo "report: $report"
}

# --against <commit>: the base commit against the working tree (head), in alternating pairs ----------------------------
# Each measure is one number per run. A pair is one run of each side of every measure, the two runs of a measure back
# to back: base first in odd pairs, head first in even ones (ABBA), so a drift of the machine that is steady over a few
# minutes adds as much to either side. The result per measure is the median over the pairs of head / base.
declare -A API_OF BUILD_S_OF # side (base, head) -> the directory of its WhatsApp.Api build; the build's seconds
MEASURES=()                  # in the report's order
declare -A MEASURE_LABEL MEASURE_KIND MEASURE_BAR MEASURE_AIM
declare -A PAIR_VALUE PAIR_CELL PAIR_RATIO PAIR_ORDER # [measure|side|pair]; [measure|pair] head / base; [pair]
declare -A HISTORY_DB        # provider -> the seeded database that every history run of that provider reads
BARS_MET=0 BARS_TOTAL=0

# kind: throughput (higher is better; bar: the least median head / base that passes, none for information only) or
# latency (lower is better; no bar, the pairs either fall on both sides of 1 or not).
add_measure() { # key label kind [bar [aim]]
    MEASURES+=("$1")
    MEASURE_LABEL[$1]=$2 MEASURE_KIND[$1]=$3 MEASURE_BAR[$1]=${4:-} MEASURE_AIM[$1]=${5:-}
}
provider_name() { if [ "$1" = sqlite ]; then echo SQLite; else echo PostgreSQL; fi; }
register_measures() {
    local provider endpoint
    if want webhooks && use sqlite; then add_measure sqlite-webhooks "SQLite webhooks" throughput 0.90; fi
    if want send && use sqlite; then
        add_measure sqlite-sends "SQLite sends (acceptance)" throughput 0.90
        add_measure sqlite-dispatch "SQLite dispatch, first to last arrival" throughput
    fi
    if want webhooks && use postgres; then add_measure postgres-webhooks "PostgreSQL webhooks" throughput 1.0 1.5; fi
    if [ "$HISTORY_PAIRS" = 1 ]; then
        for provider in sqlite postgres; do
            use "$provider" || continue
            for endpoint in "${HISTORY_ENDPOINTS[@]}"; do
                add_measure "$provider-history-$endpoint" "$(provider_name "$provider") history p95 at $(num "$BIG_MESSAGES"): ${ENDPOINT_NAMES[$endpoint]}" latency
            done
        done
    fi
    [ "${#MEASURES[@]}" -gt 0 ] || die "nothing to compare with PHASES=\"$PHASES\" and PROVIDERS=\"$PROVIDERS\" (--against runs webhooks and send, and history with --history)"
}

build_api() { # tree output-dir side: WhatsApp.Api in Release from that tree (its build also writes the tree's openapi/)
    local started=$SECONDS
    log "building WhatsApp.Api in Release for the $3 ($1)"
    [ -f "$1/WhatsApp.Api/WhatsApp.Api.csproj" ] || die "no WhatsApp.Api/WhatsApp.Api.csproj in $1"
    dotnet build "$1/WhatsApp.Api/WhatsApp.Api.csproj" -c Release -o "$2" -nologo -clp:ErrorsOnly >"$WORK/build-$3.log" 2>&1 \
        || { tail -50 "$WORK/build-$3.log" >&2; die "building WhatsApp.Api for the $3 failed"; }
    [ -f "$2/WhatsApp.Api.dll" ] || die "the $3's build left no WhatsApp.Api.dll in $2"
    API_OF[$3]=$2
    BUILD_S_OF[$3]=$((SECONDS - started))
}
build_sides() {
    build_api "$ROOT" "$WORK/api-head" head
    prune_stale_base_trees
    log "checking out $BASE_SHORT in a worktree under /tmp"
    add_base_tree "$BASE_REV"
    build_api "$BASE_TREE" "$WORK/api-base" base
    remove_base_tree # its build is all the pairs need from it
}

record() { # measure side pair value cell
    PAIR_VALUE[$1|$2|$3]=$4 PAIR_CELL[$1|$2|$3]=$5
}
run_note() { # text: a run whose numbers need a caveat (errors, writes missing, requests run out)
    NOTES+=("$1")
    log "note: $1"
}
pair_done() { # measure pair: head / base for the pair, printed as soon as both runs are in
    local m=$1 pair=$2 r
    r=$(awk "BEGIN { b = ${PAIR_VALUE[$m|base|$pair]}; if (b > 0) printf \"%.4f\", ${PAIR_VALUE[$m|head|$pair]} / b }")
    PAIR_RATIO[$m|$pair]=$r
    log "pair $pair, ${MEASURE_LABEL[$m]}: base ${PAIR_CELL[$m|base|$pair]}; head ${PAIR_CELL[$m|head|$pair]}; head / base ${r:+$(calc "$r")}"
}

against_webhooks() { # provider side pair
    local provider=$1 side=$2 pair=$3 what
    what="$(provider_name "$1") webhooks, pair $3, $2"
    measure_webhooks "${API_OF[$side]}" "$provider" "$provider-$side-$pair"
    record "$provider-webhooks" "$side" "$pair" "$WH_RPS" "$(num "$WH_RPS") req/s, p99 $(val "$WH_R" p99_ms) ms"
    [ "$WH_ERRORS" -eq 0 ] || run_note "$what: $WH_ERRORS non-2xx responses or socket errors ($(val "$WH_R" statuses))."
    [ "$WH_STORED" -eq "$WH_OK200" ] || run_note "$what: $(num "$WH_STORED") inbound messages stored for $(num "$WH_OK200") 200s."
    [ "$(val "$WH_R" exhausted)" -eq 0 ] || run_note "$what: the pre-signed requests ran out; the throughput is a lower bound."
}
against_send() { # side pair
    local side=$1 pair=$2 what="SQLite sends, pair $2, $1"
    measure_send "${API_OF[$side]}" "$side-$pair"
    record sqlite-sends "$side" "$pair" "$SEND_RPS" "$(num "$SEND_RPS") req/s, p99 $(val "$SEND_R" p99_ms) ms"
    record sqlite-dispatch "$side" "$pair" "$DISPATCH_RATE" "$(num "$DISPATCH_RATE") msg/s"
    [ "$SEND_ERRORS" -eq 0 ] || run_note "$what: $SEND_ERRORS non-2xx responses or socket errors ($(val "$SEND_R" statuses))."
    [ "$DISPATCHED" -ge "$SEND_ACCEPTED" ] || run_note "$what: $(num "$DISPATCHED") of $(num "$SEND_ACCEPTED") accepted messages reached the fake Plivo within $DISPATCH_WAIT_S s after the load."
}
against_history() { # provider side pair
    local provider=$1 side=$2 pair=$3 key="$1.$2.$3" endpoint p95
    # The API's own lists: an older build has no trigram index to compare and may have no inbox.
    local HISTORY_ENDPOINTS=(timeline conversations status search)
    log "history ($key): $(num "$BIG_MESSAGES") messages, one connection, $HIST_S s per endpoint"
    start_service "${API_OF[$side]}" "history-$provider-$side-$pair" "${HISTORY_DB[$provider]}" "" Dispatch__Enabled=false
    query_history "$key" big 0
    stop_service
    for endpoint in "${HISTORY_ENDPOINTS[@]}"; do
        p95=$(val "${HIST[$key.$endpoint]}" p95_ms)
        record "$provider-history-$endpoint" "$side" "$pair" "$p95" "p95 $p95 ms"
    done
}

run_pairs() {
    local pair side order provider endpoint
    for pair in $(seq 1 "$PAIRS"); do
        if [ $((pair % 2)) -eq 1 ]; then order=(base head); else order=(head base); fi
        PAIR_ORDER[$pair]="${order[0]}, ${order[1]}"
        log "pair $pair of $PAIRS: ${order[0]} first"
        if want webhooks && use sqlite; then
            for side in "${order[@]}"; do against_webhooks sqlite "$side" "$pair"; done
            pair_done sqlite-webhooks "$pair"
        fi
        if want send && use sqlite; then
            for side in "${order[@]}"; do against_send "$side" "$pair"; done
            pair_done sqlite-sends "$pair"
            pair_done sqlite-dispatch "$pair"
        fi
        if want webhooks && use postgres; then
            for side in "${order[@]}"; do against_webhooks postgres "$side" "$pair"; done
            pair_done postgres-webhooks "$pair"
        fi
        for provider in sqlite postgres; do
            [ -n "${HISTORY_DB[$provider]:-}" ] || continue
            for side in "${order[@]}"; do against_history "$provider" "$side" "$pair"; done
            for endpoint in "${HISTORY_ENDPOINTS[@]}"; do pair_done "$provider-history-$endpoint" "$pair"; done
        done
    done
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.4f", v[(NR + 1) / 2]; else printf "%.4f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
SUMMARY_ROWS=()
summary_row() { # measure: the median head / base against the bar, a row of SUMMARY_ROWS
    local m=$1 pair r ratios med lo hi bar result list
    ratios=$(for pair in $(seq 1 "$PAIRS"); do echo "${PAIR_RATIO[$m|$pair]}"; done | grep . || true)
    if [ -z "$ratios" ]; then SUMMARY_ROWS+=("| ${MEASURE_LABEL[$m]} | | - | - | - |"); return; fi
    med=$(median <<<"$ratios") lo=$(sort -g <<<"$ratios" | head -1) hi=$(sort -g <<<"$ratios" | tail -1)
    list=$(for pair in $(seq 1 "$PAIRS"); do r=${PAIR_RATIO[$m|$pair]}; echo "${r:+$(calc "$r")}"; done | paste -sd' ' | sed 's/ /, /g')
    if [ "${MEASURE_KIND[$m]}" = latency ]; then
        bar="within the noise"
        if within "$lo <= 1 && $hi >= 1"; then result="within the noise"
        elif within "$lo > 1"; then result="slower in every pair"
        else result="faster in every pair"; fi
    elif [ -n "${MEASURE_BAR[$m]}" ]; then
        bar="≥ ${MEASURE_BAR[$m]}${MEASURE_AIM[$m]:+ (aim ${MEASURE_AIM[$m]})}"
        BARS_TOTAL=$((BARS_TOTAL + 1))
        if ge "$med" "${MEASURE_BAR[$m]}"; then result=PASS BARS_MET=$((BARS_MET + 1)); else result=FAIL; fi
    else
        bar="(information)" result="-"
    fi
    [ "$MODE" = full ] || [ "$result" = "-" ] || result="($result)"
    SUMMARY_ROWS+=("| ${MEASURE_LABEL[$m]} | $bar | **$(calc "$med")** | $list | $result |")
}

against_report() {
    local report m pair r dirty=""
    [ -z "$(git -C "$ROOT" status --porcelain -- . ':!bench/results')" ] || dirty=", with uncommitted changes"
    if [ "$MODE" = full ]; then
        mkdir -p "$BENCH/results"
        report=$BENCH/results/${REPORT_NAME:-$(date +%F)-against-$BASE_SHORT}.md
    else
        report=$(mktemp /tmp/whatsapp-bench-against.XXXXXX.md)
    fi
    for m in "${MEASURES[@]}"; do summary_row "$m"; done
    {
        echo "# Benchmarks against $BASE_SHORT, $(date -u +'%Y-%m-%d %H:%M UTC') ($MODE)"
        echo
        echo "Base: commit $BASE_SHORT ($BASE_SUBJECT). Head: the working tree at $(git -C "$ROOT" rev-parse --short HEAD)$dirty."
        echo
        machine_lines
        echo "Both sides built in Release from their own tree (base ${BUILD_S_OF[base]} s, head ${BUILD_S_OF[head]} s); the load tools (floor, fake Plivo," \
            "webhook signer, seeder) come from the working tree, so both sides get the same load. Floor: $(num "$FLOOR_RPS") req/s" \
            "($CONNS connections, $LOAD_S s), measured once before the pairs."
        echo "$PAIRS pairs; in each, the two runs of a measure back to back, base first in odd pairs and head first in even ones" \
            "(ABBA). Every run starts the service on a fresh database, warms it up for $WARM_S s (not counted) and loads it for" \
            "$LOAD_S s with $CONNS connections; throughput is responses / load seconds; sends run with dispatch to the fake Plivo on."
        if [ -n "${PG_VERSION:-}" ]; then
            echo "PostgreSQL $PG_VERSION: the durable throwaway cluster of the full run, a fresh database per run, dropped and" \
                "checkpointed after it."
        fi
        if [ "$HISTORY_PAIRS" = 1 ]; then
            echo "History: $(num "$BIG_MESSAGES") messages over $(num "$BIG_CONTACTS") contacts seeded once per database by the working" \
                "tree's seeder and read by both sides; one connection, $HIST_WARM_S s warm-up then $HIST_S s per endpoint; the" \
                "ratio is head / base of the p95, so above 1 is slower; within the noise when the pairs fall on both sides of 1."
        fi
        echo
        echo "| Measure | Bar: median head / base | Median head / base | Each pair | Result |"
        echo "|---|---|---|---|---|"
        printf '%s\n' "${SUMMARY_ROWS[@]}"
        echo
        echo "| Measure | Pair | Order | Base | Head | Head / base |"
        echo "|---|---|---|---|---|---|"
        for m in "${MEASURES[@]}"; do
            for pair in $(seq 1 "$PAIRS"); do
                r=${PAIR_RATIO[$m|$pair]:-}
                echo "| ${MEASURE_LABEL[$m]} | $pair | ${PAIR_ORDER[$pair]} | ${PAIR_CELL[$m|base|$pair]} | ${PAIR_CELL[$m|head|$pair]} | ${r:+$(calc "$r")} |"
            done
        done
        echo
        if [ "$MODE" = full ]; then
            echo "Bars met: **$BARS_MET of $BARS_TOTAL**."
        else
            echo "Smoke run: tiny loads on a shared machine; the results in parentheses only show that the path works."
        fi
        if [ "${#NOTES[@]}" -gt 0 ]; then echo; printf -- '- %s\n' "${NOTES[@]}"; fi
    } >"$report"
    cat "$report"
    echo
    echo "report: $report"
}

against_main() {
    local provider
    if use postgres && { want webhooks || [ "$HISTORY_PAIRS" = 1 ]; }; then start_postgres; fi
    if [ "$HISTORY_PAIRS" = 1 ]; then
        for provider in sqlite postgres; do
            use "$provider" || continue
            seed_history "$provider" "$provider.against" "$BIG_MESSAGES" "$BIG_CONTACTS"
            HISTORY_DB[$provider]=$SEEDED_DB
            history_paths "$SEEDED_DB" big
        done
    fi
    run_pairs
    for provider in "${!HISTORY_DB[@]}"; do drop_db "${HISTORY_DB[$provider]}"; done # any order
    stop_postgres
    against_report
}

# Main ------------------------------------------------------------------------------------------------------------------
log "mode: $MODE${AGAINST:+, against $AGAINST ($PAIRS pairs)}; work directory $WORK"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if [ -n "$AGAINST" ]; then
    BASE_REV=$(git -C "$ROOT" rev-parse --verify --quiet "$AGAINST^{commit}") || die "not a commit: $AGAINST"
    BASE_SHORT=$(git -C "$ROOT" rev-parse --short "$BASE_REV")
    BASE_SUBJECT=$(git -C "$ROOT" log -1 --format=%s "$BASE_REV")
    [ "${#BASE_SUBJECT}" -le 100 ] || BASE_SUBJECT="${BASE_SUBJECT:0:100}…"
    register_measures
fi
install_if_missing wrk wrk
install_if_missing sqlite3 sqlite3
install_if_missing curl curl

log "building Release"
BUILD_STARTED=$SECONDS
dotnet build "$BENCH/bench.slnx" -c Release -nologo -clp:ErrorsOnly >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
BUILD_S=$((SECONDS - BUILD_STARTED))
API_DIR=${API_DIR:-$ROOT/WhatsApp.Api/bin/Release/net10.0} # API_DIR=… runs a build made elsewhere (dotnet build -o), e.g. two builds of the events phase one after the other
FLOOR_DLL=$BENCH/Floor/bin/Release/net10.0/Floor.dll
FAKE_DLL=$BENCH/FakePlivo/bin/Release/net10.0/FakePlivo.dll
SIGN_DLL=$BENCH/SignWebhooks/bin/Release/net10.0/SignWebhooks.dll
SEED_DLL=$BENCH/WhatsApp.Seed/bin/Release/net10.0/WhatsApp.Seed.dll
[ -z "$AGAINST" ] || build_sides

API_PORT=$(free_port) FLOOR_PORT=$(free_port) FAKE_PORT=$(free_port)
API_URL=http://127.0.0.1:$API_PORT
FLOOR_URL=http://127.0.0.1:$FLOOR_PORT
FAKE_URL=http://127.0.0.1:$FAKE_PORT
WEBHOOK_PATH=/api/webhooks/plivo

log "fake Plivo on $FAKE_URL"
start_bg "$WORK/fake-plivo.log" dotnet "$FAKE_DLL" --urls "$FAKE_URL"
FAKE_PID=$LAST_PID
wait_http "$FAKE_URL/stats" 60 "$FAKE_PID" || die "the fake Plivo did not start"

# 1. Floor
measure_floor
floor_rows

if [ -n "$AGAINST" ]; then
    against_main
    exit 0
fi

# 2. Webhook ingestion, events, 3. send acceptance and dispatch, pacing, 4. history (phases above)
if want webhooks && use sqlite; then webhook_phase sqlite Webhooks; fi
if want events && use sqlite; then events_phase; fi
if want send && use sqlite; then send_phase; fi
if want pacing && use sqlite; then pacing_phase; fi
if want history && use sqlite; then history_phase sqlite History; fi

# 5. PostgreSQL: the webhook and history phases again, the service on Database:Provider=Postgres
if use postgres && { want webhooks || want history; }; then
    start_postgres
    COUNTED=0
    if want webhooks; then webhook_phase postgres "Webhooks, PostgreSQL"; fi
    if want history; then history_phase postgres "History, PostgreSQL"; fi
    COUNTED=1
    stop_postgres
fi

write_report
