#!/usr/bin/env bash
# `GET /api/posts?per_page=100` with and without `include=author,tags` and `include=author,comments`
# on a generated app (release build, SQLite, 10,000 posts by 100 authors, each linked to 3 of
# 50 tags, 3 comments per post on the first 1,000),
# under wrk, same run. Prints req/s and p99 of each, and the statements one included page runs
# (the app's query log at LOG_LEVEL=debug).
# Usage: bash scripts/bench-include.sh   (DURATION=10 CONNECTIONS=32 THREADS=2 to change the load)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-wrk.sh
echo "building forge and the app (release)…" >&2
bench_setup include
bench_new_app blog --no-auth
(cd "$APP" && "$FORGE" make:resource Author -f name:string:required,max:80 > /dev/null)
(cd "$APP" && "$FORGE" make:resource Tag -f name:string:required,max:40,unique > /dev/null)
(cd "$APP" && "$FORGE" make:resource Post -f title:string:required,max:200 -f body:text -f author:references/Author:required -f tags:many/Tag > /dev/null)
(cd "$APP" && "$FORGE" make:resource Comment -f body:text:required -f post:references/Post:required,on_delete:cascade > /dev/null)
(cd "$APP" && swift build -c release > /dev/null)

DB="$WORK/blog.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
export DATABASE_URL="sqlite:$DB" APP_ENV=production LOG_LEVEL=warning RATE_LIMIT=off
(cd "$APP" && .build/release/blog migrate > /dev/null)
python3 - "$DB" <<'PY'
import sqlite3, sys, time
now = time.time()
with sqlite3.connect(sys.argv[1]) as db:
    db.executemany("INSERT INTO authors (name, created_at, updated_at) VALUES (?, ?, ?)",
                   ((f"Author {i}", now, now) for i in range(1, 101)))
    db.executemany("INSERT INTO posts (title, body, author_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                   ((f"Post {i}", f"Body of post {i}.", 1 + i % 100, now, now) for i in range(1, 10001)))
    db.executemany("INSERT INTO tags (name, created_at, updated_at) VALUES (?, ?, ?)",
                   ((f"tag-{i}", now, now) for i in range(1, 51)))
    db.executemany("INSERT INTO post_tags (post_id, tag_id) VALUES (?, ?)",
                   ((i, 1 + (i + k * 17) % 50) for i in range(1, 10001) for k in range(3)))
    db.executemany("INSERT INTO comments (body, post_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
                   ((f"Comment {j} on {i}", i, now, now) for i in range(1, 1001) for j in range(3)))
PY

PORT=18903
(cd "$APP" && exec .build/release/blog serve --port "$PORT") > "$WORK/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2> /dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/api/posts/1" > /dev/null 2>&1 && break; sleep 0.1; done

load() {
    local name=$1 url=$2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$url" > /dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" > "$WORK/$name.txt"
    printf '%-28s %10s req/s   p99 %s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.txt")" "$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")"
}
BASE="http://127.0.0.1:$PORT/api/posts?per_page=100"
items=$(curl -fs "$BASE&include=author,tags" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(len(d), all("author" in p and len(p["tags"]) == 3 for p in d))')
echo "one included page: $items (items, every item has its author and 3 tags)"
load "posts, per_page=100" "$BASE"
load "+ include=author" "$BASE&include=author"
load "+ include=author,tags" "$BASE&include=author,tags"
load "+ include=author,comments" "$BASE&include=author,comments"
kill $PID; wait $PID 2> /dev/null || true

# The statements of one included page: the app logs each query at debug level.
export LOG_LEVEL=debug
(cd "$APP" && exec .build/release/blog serve --port "$PORT") > "$WORK/debug.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break; sleep 0.1; done
for include in "" "author,tags" "author,comments"; do
    before=$(grep -c "SELECT" "$WORK/debug.log" || true)
    curl -fs "$BASE${include:+&include=$include}" > /dev/null
    sleep 0.5
    after=$(grep -c "SELECT" "$WORK/debug.log" || true)
    echo "statements for one page of 100 with include=${include:-nothing}: $((after - before)) (the page, its count, one per relation)"
done
