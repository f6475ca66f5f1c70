#!/usr/bin/env bash
# Times `forge alter` (one added field) in an app of 20 resources (median of N runs, each on a
# fresh copy so every run really writes), and the `db:migrate` that follows, incremental build
# of the app included (the app was built and migrated once before).
# Usage: make bench-alter   (builds forge in release mode first; FORGE=… to time another binary).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FORGE="${FORGE:-$ROOT/.build/release/forge}"
RUNS="${RUNS:-21}"
WORK="$ROOT/.build-bench/alter"
mkdir -p "$WORK"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# The app: 20 resources of 6 fields, built and migrated once; its .build is kept between runs.
APP="$WORK/app/shop"
if [ -d "$APP/.build" ]; then mv "$APP/.build" "$WORK/build-cache"; fi
rm -rf "$WORK/app" && mkdir -p "$WORK/app"
(cd "$WORK/app" && "$FORGE" new shop > /dev/null)
if [ -d "$WORK/build-cache" ]; then mv "$WORK/build-cache" "$APP/.build"; fi
for i in $(seq 1 20); do
    (cd "$APP" && "$FORGE" make:resource "Thing$i" -f name:string:required,max:120 -f code:string:unique,max:40 \
        -f notes:text -f count:integer:min:0,default:0 -f active:boolean:default:true -f seen_at:datetime > /dev/null)
done

# Every run on its own copy, all made (and flushed) before the first is timed: deleting a
# copy between runs would time ext4's search past just-freed inodes, not forge.
rm -rf "$WORK"/run-*
for run in $(seq 1 "$RUNS"); do
    mkdir -p "$WORK/run-$run" && tar -C "$APP" --exclude=./.build -cf - . | tar -C "$WORK/run-$run" -xf -
done
sync
samples=()
for run in $(seq 1 "$RUNS"); do
    start=$(now_ms)
    (cd "$WORK/run-$run" && "$FORGE" alter Thing7 --add subtitle:string:max:80 > /dev/null)
    end=$(now_ms)
    samples+=($((end - start)))
done
rm -rf "$WORK"/run-*
echo "forge alter (one added field), 20 resources: $(printf '%s\n' "${samples[@]}" | median) ms (median of $RUNS)"

cd "$APP"
"$FORGE" db:migrate > /dev/null 2>&1
"$FORGE" alter Thing7 --add subtitle:string:max:80 > /dev/null
start=$(now_ms); "$FORGE" db:migrate > /dev/null 2>&1; end=$(now_ms)
echo "db:migrate after it (incremental build included): $(( end - start )) ms"
