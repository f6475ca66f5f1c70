# Sourced by the wrk benchmarks (bench-http, bench-include, bench-owned), from the repository root:
# the load settings, wrk itself, and a fresh generated app whose kept `.build` makes reruns incremental.
#   source scripts/bench-wrk.sh; bench_setup include; bench_new_app blog --no-auth

DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"

# Sets ROOT, WORK (.build-bench/NAME), FORGE; installs wrk when missing; builds forge and the
# release runtime every app links (minutes the first time).
bench_setup() {
    ROOT=$(pwd)
    WORK="$ROOT/.build-bench/$1"
    mkdir -p "$WORK"
    command -v wrk > /dev/null || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
    swift build --product forge > /dev/null
    FORGE="$ROOT/.build/debug/forge"
    "$FORGE" runtime:build --release > /dev/null
}

# `forge new NAME ARGS…` in WORK, keeping the previous app's `.build`; sets APP.
bench_new_app() {
    local name=$1
    shift
    APP="$WORK/$name"
    if [ -d "$APP/.build" ]; then mv "$APP/.build" "$WORK/app-build-cache"; fi
    rm -rf "$APP"
    (cd "$WORK" && "$FORGE" new "$name" "$@" > /dev/null)
    if [ -d "$WORK/app-build-cache" ]; then mv "$WORK/app-build-cache" "$APP/.build"; fi
}
