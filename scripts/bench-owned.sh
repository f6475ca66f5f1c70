#!/usr/bin/env bash
# `GET /api/notes/{id}` on an owned resource (`-p --owned`: every query scoped to the caller)
# against `GET /api/memos/{id}` on the same resource merely protected (`-p`), same app, same
# signed-in caller, under wrk (release build, SQLite, 10,000 rows each), alternating ROUNDS
# times. Prints req/s and p99 of each run and the cost of the ownership scope per round (each
# round's two runs back to back) and its median, in percent.
# Usage: bash scripts/bench-owned.sh   (DURATION=10 ROUNDS=5 CONNECTIONS=32 THREADS=2 to change the load)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-wrk.sh
echo "building forge and the app (release)…" >&2
bench_setup owned
bench_new_app notes
(cd "$APP" && "$FORGE" make:resource Note -f title:string:required,max:200 -f body:text -p --owned > /dev/null)
(cd "$APP" && "$FORGE" make:resource Memo -f title:string:required,max:200 -f body:text -p > /dev/null)
(cd "$APP" && swift build -c release > /dev/null)

DB="$WORK/notes.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
export DATABASE_URL="sqlite:$DB" APP_ENV=production LOG_LEVEL=warning RATE_LIMIT=off
(cd "$APP" && .build/release/notes migrate > /dev/null)

PORT=18904
(cd "$APP" && exec .build/release/notes serve --port "$PORT") > "$WORK/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2> /dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break; sleep 0.1; done
API="http://127.0.0.1:$PORT/api"
for email in ada@example.com bob@example.com; do
    curl -fs -X POST "$API/auth/register" -H 'Content-Type: application/json' \
        -d "{\"email\": \"$email\", \"password\": \"correct horse battery staple\"}" > /dev/null
done
TOKEN=$(curl -fs -X POST "$API/auth/login" -H 'Content-Type: application/json' \
    -d '{"email": "ada@example.com", "password": "correct horse battery staple"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["access_token"])')

# 10,000 rows each; Ada (user 1) owns the odd notes, Bob the even ones, so the scope has rows to skip.
python3 - "$DB" <<'PY'
import sqlite3, sys, time
now = time.time()
with sqlite3.connect(sys.argv[1]) as db:
    db.executemany("INSERT INTO notes (user_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                   ((1 if i % 2 else 2, f"Note {i}", f"Body of note {i}.", now, now) for i in range(1, 10001)))
    db.executemany("INSERT INTO memos (title, body, created_at, updated_at) VALUES (?, ?, ?, ?)",
                   ((f"Memo {i}", f"Body of memo {i}.", now, now) for i in range(1, 10001)))
PY

# Note 5001 is Ada's; Bob's 5000 is a 404 for her.
check=$(curl -s -o /dev/null -w '%{http_code} ' -H "Authorization: Bearer $TOKEN" "$API/notes/5001"; \
        curl -s -o /dev/null -w '%{http_code} ' -H "Authorization: Bearer $TOKEN" "$API/notes/5000"; \
        curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$API/memos/5001")
echo "own note, another user's note, memo: $check (expect 200 404 200)"

load() {
    local name=$1 url=$2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$url" > "$WORK/$name.txt"
    printf '%-34s %10s req/s   p99 %s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.txt")" "$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")"
}
# Warm up both, then alternate ROUNDS times so drift in the machine's speed hits both alike.
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -H "Authorization: Bearer $TOKEN" "$API/memos/5001" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -H "Authorization: Bearer $TOKEN" "$API/notes/5001" > /dev/null
ROUNDS="${ROUNDS:-5}"
for round in $(seq 1 "$ROUNDS"); do
    load "memos-$round (protected)" "$API/memos/5001"
    load "notes-$round (protected, owned)" "$API/notes/5001"
done
python3 - "$WORK" "$ROUNDS" <<'PY'
import re, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
rate = lambda name: float(re.search(r"Requests/sec:\s+([\d.]+)", open(f"{work}/{name}.txt").read()).group(1))
memos = [rate(f"memos-{r} (protected)") for r in range(1, rounds + 1)]
notes = [rate(f"notes-{r} (protected, owned)") for r in range(1, rounds + 1)]
# Each round's pair ran back to back, so its ratio cancels the machine's drift between rounds.
costs = [100 * (m - n) / m for m, n in zip(memos, notes)]
print(f"medians of {rounds} alternating runs: memos {statistics.median(memos):.0f} req/s, notes {statistics.median(notes):.0f} req/s")
print(f"cost of the ownership scope per round: {', '.join(f'{c:.1f}%' for c in costs)}; median {statistics.median(costs):.1f}%")
PY
