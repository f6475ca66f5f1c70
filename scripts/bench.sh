#!/usr/bin/env bash
# Times the quality bars of PRODUCT.md that concern the CLI:
#   make:resource with 8 fields (median of N runs, in a fresh app and in one with 100 resources),
#   db:migrate right after make:resource in an app built once before, db:migrate with nothing to do,
#   db:seed of 500 and 10,000 rows,
#   the first build of a fresh generated app, and (BENCH_CLEAN_CLI=1) a clean build of the CLI.
# Usage: make bench   (builds forge in release mode first). Scratch lives in .build-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FORGE="$ROOT/.build/release/forge"
RUNS="${RUNS:-21}"
WORK="$ROOT/.build-bench"
mkdir -p "$WORK"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
FIELDS=(-f name:string:required,max:120 -f sku:string:required,unique,max:40 -f description:text
        -f price:float:required,min:0 -f stock:integer:min:0,default:0 -f active:boolean:default:true
        -f released_at:datetime -f support_email:email)

# A template app without .build, copied for each timed run so every run generates for real.
rm -rf "$WORK/template" && mkdir -p "$WORK/template"
(cd "$WORK/template" && "$FORGE" new shop > /dev/null)

time_make_resource() { # $1: template folder → prints median ms
    local samples=()
    for _ in $(seq 1 "$RUNS"); do
        rm -rf "$WORK/run" && cp -r "$1" "$WORK/run"
        local start end
        start=$(now_ms)
        (cd "$WORK/run/shop" && "$FORGE" make:resource Product "${FIELDS[@]}" > /dev/null)
        end=$(now_ms)
        samples+=($((end - start)))
    done
    printf '%s\n' "${samples[@]}" | median
}

echo "make:resource (8 fields), fresh app:         $(time_make_resource "$WORK/template") ms (median of $RUNS)"

rm -rf "$WORK/big" && cp -r "$WORK/template" "$WORK/big"
for i in $(seq 1 100); do
    (cd "$WORK/big/shop" && "$FORGE" make:resource "Thing$i" -f name:string:required -f count:integer > /dev/null)
done
echo "make:resource (8 fields), 100 resources:     $(time_make_resource "$WORK/big") ms (median of $RUNS)"

# db:migrate in a real app; its .build is kept between bench runs (incremental), so the first-build
# figure is only cold on the first run of this script.
APP="$WORK/migrate/shop"
if [ -d "$APP/.build" ]; then mv "$APP/.build" "$WORK/migrate/cache"; fi
rm -rf "$APP" && mkdir -p "$WORK/migrate"
(cd "$WORK/migrate" && "$FORGE" new shop > /dev/null)
if [ -d "$WORK/migrate/cache" ]; then mv "$WORK/migrate/cache" "$APP/.build"; fi
cd "$APP"
"$FORGE" make:resource Product "${FIELDS[@]}" > /dev/null
start=$(now_ms); "$FORGE" db:migrate > /dev/null 2>&1; end=$(now_ms)
echo "first db:migrate (builds the app):            $(( (end - start) / 1000 )) s"
"$FORGE" make:resource Order -f number:string:required,unique -f total:float:min:0 > /dev/null
start=$(now_ms); "$FORGE" db:migrate > /dev/null 2>&1; end=$(now_ms)
echo "db:migrate after one make:resource:           $(( end - start )) ms"
samples=()
for _ in 1 2 3 4 5; do
    start=$(now_ms); "$FORGE" db:migrate > /dev/null 2>&1; end=$(now_ms); samples+=($((end - start)))
done
echo "db:migrate with nothing to do:                $(printf '%s\n' "${samples[@]}" | median) ms (median of 5)"
start=$(now_ms); seeded=$("$FORGE" db:seed --seeder Product --count 500 2>&1 | tail -1); end=$(now_ms)
echo "db:seed --seeder Product --count 500:         $(( end - start )) ms in all; the app reports: $seeded"
start=$(now_ms); seeded=$("$FORGE" db:seed --seeder Product --count 10000 2>&1 | tail -1); end=$(now_ms)
echo "db:seed --seeder Product --count 10000:       $(( end - start )) ms in all; the app reports: $seeded"
cd "$ROOT"

if [ "${BENCH_CLEAN_CLI:-0}" = 1 ]; then
    rm -rf "$WORK/cli"
    start=$(now_ms)
    swift build -c release --product forge --scratch-path "$WORK/cli" > /dev/null 2>&1
    end=$(now_ms)
    echo "clean release build of the forge CLI:         $(( (end - start) / 1000 )) s"
fi
