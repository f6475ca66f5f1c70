#!/usr/bin/env bash
# GET /api/posts/{id} and POST /api/posts on a generated app (release build, SQLite, 10,000 rows)
# against the hand-written baseline in Benchmarks/Baseline, same machine, same run, under wrk.
# Reports requests/s, p99 latency, non-2xx responses and peak memory (VmHWM) of each server.
# Usage: bash scripts/bench-http.sh   (DURATION=10 CONNECTIONS=32 THREADS=2 to change the load)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-wrk.sh
ROWS=10000

echo "building forge, the baseline and the app (release)…" >&2
bench_setup http
swift build -c release --package-path Benchmarks/Baseline --scratch-path "$WORK/baseline-build" > /dev/null
bench_new_app bench
(cd "$APP" && "$ROOT/.build/debug/forge" make:resource Post -f title:string:required,max:200 -f body:text:required -f views:integer > /dev/null)
(cd "$APP" && swift build -c release > /dev/null)

DB="$WORK/bench.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
export DATABASE_URL="sqlite:$DB" APP_ENV=production LOG_LEVEL=warning RATE_LIMIT=off
(cd "$APP" && .build/release/bench migrate > /dev/null)
# Rows as SQLiteNIO stores them (dates as Unix time), inserted by Python's sqlite3 in one transaction.
python3 - "$DB" "$ROWS" <<'PY'
import sqlite3, sys, time
db, rows = sys.argv[1], int(sys.argv[2])
now = time.time()
with sqlite3.connect(db) as connection:
    connection.executemany(
        "INSERT INTO posts (title, body, views, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        ((f"Post {i}", f"Body of post {i}.", i, now, now) for i in range(1, rows + 1)),
    )
    count = connection.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
assert count == rows, f"seeded {count} rows, expected {rows}"
PY

cat > "$WORK/get.lua" <<LUA
math.randomseed(42)
request = function() return wrk.format("GET", "/api/posts/" .. math.random(1, $ROWS)) end
LUA
cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"Benchmark post","body":"Written under load.","views":1}'
LUA

# run NAME PORT COMMAND...: serve, load GET then POST, print one line each.
run() {
    local name=$1 port=$2; shift 2
    "$@" > "$WORK/$name.log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/posts/1" > /dev/null 2>&1 && break; sleep 0.1; done
    wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$WORK/get.lua" "http://127.0.0.1:$port" > /dev/null
    for kind in get post; do
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/$kind.lua" "http://127.0.0.1:$port/api/posts" > "$WORK/$kind-$name.txt"
        local rps p99 errors
        rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$kind-$name.txt")
        p99=$(awk '$1 == "99%" {print $2}' "$WORK/$kind-$name.txt")
        errors=$(awk '/Non-2xx/ {print $5}' "$WORK/$kind-$name.txt")
        printf '%-10s %-5s %10s req/s   p99 %-9s non-2xx %s\n' "$name" "$kind" "$rps" "$p99" "${errors:-0}"
        echo "$rps" > "$WORK/$name-$kind.rps"
    done
    printf '%-10s peak memory %s\n' "$name" "$(awk '/VmHWM/ {print $2 " " $3}' /proc/$pid/status)"
    kill "$pid"; wait "$pid" 2> /dev/null || true
}

run baseline 18901 "$WORK/baseline-build/release/Baseline" serve "$DB" 18901
run generated 18902 bash -c "cd '$APP' && exec .build/release/bench serve --port 18902"

for kind in get post; do
    awk -v g="$(cat "$WORK/generated-$kind.rps")" -v b="$(cat "$WORK/baseline-$kind.rps")" -v k="$kind" \
        'BEGIN { printf "%-5s generated / baseline = %.1f%%\n", k, 100 * g / b }'
done
