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

# Seconds per package: SwiftPM prints a line as each job starts, so the time until the next line
# goes to the package of the module the line names ("Compiling NIOCore X.swift"), or of the C file it names alone
# ("Compiling aes.c", found under the app's .build/checkouts); the app's own targets are "app".
attribute() { # $1: the app folder, stdin: "<epoch-ms> <line>"
    python3 -c '
import collections, os, re, sys
app = sys.argv[1]
checkouts = os.path.join(app, ".build/checkouts")
module_package, file_package = {}, {}
for package in (os.listdir(checkouts) if os.path.isdir(checkouts) else []):
    for module in os.listdir(os.path.join(checkouts, package, "Sources")) if os.path.isdir(os.path.join(checkouts, package, "Sources")) else []:
        module_package[module] = package
# Module names that differ from their folder: read each module build folder of the app.
build = os.path.join(app, ".build/debug")
for entry in os.listdir(build) if os.path.isdir(build) else []:
    sources = os.path.join(build, entry, "sources")
    if entry.endswith(".build") and os.path.exists(sources):
        match = re.search(r"/checkouts/([^/]+)/", open(sources).read(4096))
        module_package[entry[:-6]] = match.group(1) if match else "app"
# Packages vendor the same C files (BoringSSL in swift-crypto and swift-nio-ssl): a file goes to
# a package with a module built in this app.
def built(module):
    folder = os.path.join(build, module + ".build")
    return os.path.isdir(folder) and any(name.endswith(".o") for _, _, files in os.walk(folder) for name in files)
built_packages = {package for module, package in module_package.items() if built(module)}
file_package = {}
for package in sorted(built_packages - {"app"}):
    for root, _, files in os.walk(os.path.join(checkouts, package, "Sources")):
        for name in files:
            file_package.setdefault(name, package)
spent, previous, running = collections.Counter(), None, None
for line in sys.stdin:
    stamp, _, text = line.rstrip("\n").partition(" ")
    stamp = int(stamp)
    package = "other (planning, resolving, writing files)"
    named = re.search(r"(?:Compiling|Emitting module|Linking|Wrapping AST for) ([A-Za-z0-9_]+)(?: |$)", text)
    alone = re.search(r"Compiling ([^ /]+\.[A-Za-z]+)$", text)
    if named:
        package = module_package.get(named.group(1), "app")
    elif alone:
        package = file_package.get(alone.group(1), "app")
    if previous is not None:
        spent[running] += (stamp - previous) / 1000
    previous, running = stamp, package
for package, seconds in spent.most_common():
    print(f"  {seconds:7.1f} s  {package}")
' "$1"
}

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
stamp() { while IFS= read -r line; do echo "$(date +%s%3N) $line"; done; }

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
    if [ "$i" = 1 ] || [ "$i" = "$APPS" ]; then attribute "$(pwd)" < "$WORK/app$i/build.log"; fi
    start=$(date +%s%3N)
    swift test > "$WORK/app$i/test.log" 2>&1 || { tail -20 "$WORK/app$i/test.log"; exit 1; }
    end=$(date +%s%3N)
    echo "app $i: swift test (after the build) $(seconds "$start" "$end") s"
    cd "$ROOT"
done
