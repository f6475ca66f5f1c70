#!/usr/bin/env bash
# Times a new app's first build, and shows where a cold build's time goes.
#   bash scripts/bench-build.sh            # prebuilt runtime (the default for new apps)
#   RUNTIME=source bash scripts/bench-build.sh   # the app compiles ForgeRuntime and its packages itself
#   APPS=10 bash scripts/bench-build.sh    # the 1st..10th new app in a row, each built from cold
#   ARGS="--no-auth" ...                   # flags for forge new (--db postgres, --no-auth)
# Each app is made fresh in .build-bench-build/ with its own empty .build. For every build the
# script prints the wall time of `swift build` and of `swift test` after it, and, from SwiftPM's
# progress lines stamped as they appear, the wall seconds attributed to each package (a line's
# time since the previous line goes to the module the line names; the app's own targets are "app").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FORGE="${FORGE:-$ROOT/.build/debug/forge}"
WORK="$ROOT/.build-bench-build"
APPS="${APPS:-1}"
RUNTIME="${RUNTIME:-prebuilt}"
mkdir -p "$WORK"

# module name -> package, from the checkouts' Package.swift target folders (Sources/<Module>).
module_map() {
    for pkg in "$ROOT"/.build/checkouts/*; do
        [ -d "$pkg/Sources" ] || continue
        for module in "$pkg"/Sources/*; do echo "$(basename "$module") $(basename "$pkg")"; done
    done
    for module in "$ROOT"/Sources/*; do echo "$(basename "$module") forge"; done
}

attribute() { # stdin: "<epoch-ms> <line>" ; prints seconds per package
    awk -v map="$1" '
        BEGIN { while ((getline l < map) > 0) { split(l, f, " "); pkg[f[1]] = f[2] } }
        {
            t = $1; $1 = ""; line = $0
            if (prev == "") { prev = t }
            module = ""
            if (match(line, /(Compiling|Emitting module|Linking|Wrapping AST for) [A-Za-z0-9_]+/)) {
                split(substr(line, RSTART, RLENGTH), w, " "); module = w[length(w)]
            }
            p = (module in pkg) ? pkg[module] : (module == "" ? "other (planning, writing files)" : "app")
            spent[p] += (t - prev) / 1000; prev = t
        }
        END { for (p in spent) printf "  %7.1f s  %s\n", spent[p], p }' | sort -rn
}

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
stamp() { while IFS= read -r line; do echo "$(date +%s%3N) $line"; done; }

module_map > "$WORK/modules.txt"
for i in $(seq 1 "$APPS"); do
    rm -rf "$WORK/app$i"
    mkdir -p "$WORK/app$i"
    (cd "$WORK/app$i" && "$FORGE" new "shop$i" ${ARGS:-} > /dev/null)
    cd "$WORK/app$i/shop$i"
    export FORGE_RUNTIME="$RUNTIME"
    start=$(date +%s%3N)
    swift build 2>&1 | stamp > "$WORK/app$i/build.log"
    end=$(date +%s%3N)
    echo "app $i: swift build $(seconds "$start" "$end") s (runtime: $RUNTIME)"
    if [ "$i" = 1 ] || [ "$i" = "$APPS" ]; then attribute "$WORK/modules.txt" < "$WORK/app$i/build.log"; fi
    start=$(date +%s%3N)
    swift test > "$WORK/app$i/test.log" 2>&1 || { tail -20 "$WORK/app$i/test.log"; exit 1; }
    end=$(date +%s%3N)
    echo "app $i: swift test (after the build) $(seconds "$start" "$end") s"
    cd "$ROOT"
done
