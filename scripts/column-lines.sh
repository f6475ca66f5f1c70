#!/usr/bin/env bash
# How often the every-type golden app names each column: lines (and files) that mention the
# column's snake_case name or its camelCase property, and the app's total generated lines.
# Usage: scripts/column-lines.sh [FIXTURE]   (default Fixtures/golden/resource-product-every-type)
set -euo pipefail
cd "$(dirname "$0")/.."
fixture="${1:-Fixtures/golden/resource-product-every-type}"
sources=$(find "$fixture/Sources" "$fixture/Tests" -name '*.swift.golden' | sort)
# The fields of the last resource in the manifest (the one the fixture is about).
columns=$(awk '/^- name: /{ fields = "" } /^  - name: /{ fields = fields " " $3 } END { print fields }' "$fixture/forge.yaml.golden")
[ -n "$columns" ] || { echo "no columns found in $fixture/forge.yaml.golden" >&2; exit 1; }
printf '%-16s %6s %6s\n' column lines files
total_lines=0
count=0
for column in $columns; do
  property=$(echo "$column" | awk -F_ '{ out=$1; for (i = 2; i <= NF; i++) out = out toupper(substr($i,1,1)) substr($i,2); print out }')
  pattern="\\b($column|$property)\\b"
  lines=$(cat $sources | grep -cE "$pattern" || true)
  files=$(grep -lE "$pattern" $sources | wc -l)
  printf '%-16s %6d %6d\n' "$column" "$lines" "$files"
  total_lines=$((total_lines + lines))
  count=$((count + 1))
done
generated=$(cat $sources | wc -l)
printf '\n%d columns: %d lines name a column (%.1f per column); %d generated Swift lines (%.1f per column)\n' \
  "$count" "$total_lines" "$(echo "$total_lines / $count" | bc -l)" "$generated" "$(echo "$generated / $count" | bc -l)"
