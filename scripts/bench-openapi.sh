#!/usr/bin/env bash
# Times `forge openapi` in an app of 20 resources (6 fields each, each but the first referring to
# the one before, so nested routes and includes are in the document): median of N runs, and the
# document's size as JSON and YAML.
# Usage: make bench-openapi   (builds forge in release mode first; FORGE=… to time another binary).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FORGE="${FORGE:-$ROOT/.build/release/forge}"
RUNS="${RUNS:-21}"
WORK="$ROOT/.build-bench/openapi"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

rm -rf "$WORK" && mkdir -p "$WORK"
(cd "$WORK" && "$FORGE" new shop > /dev/null)
APP="$WORK/shop"
for i in $(seq 1 20); do
    parent=()
    if [ "$i" -gt 1 ]; then parent=(-f "parent:references/Thing$((i - 1))"); fi
    (cd "$APP" && "$FORGE" make:resource "Thing$i" -f name:string:required,max:120 -f code:string:unique,max:40 \
        -f notes:text -f count:integer:min:0,default:0 -f active:boolean:default:true -f seen_at:datetime "${parent[@]}" > /dev/null)
done

cd "$APP"
samples=()
for _ in $(seq 1 "$RUNS"); do
    start=$(now_ms)
    "$FORGE" openapi > /dev/null
    end=$(now_ms)
    samples+=($((end - start)))
done
echo "forge openapi, 20 resources: $(printf '%s\n' "${samples[@]}" | median) ms (median of $RUNS)"
echo "document: $("$FORGE" openapi | wc -c) bytes as JSON, $("$FORGE" openapi --format yaml | wc -c) bytes as YAML, $("$FORGE" openapi | grep -c '"operationId"') operations"
