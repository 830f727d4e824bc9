#!/usr/bin/env bash
# Side-by-side macro benchmark, one run, same machine: for each CORPUS folder, times (median of RUNS) and peak RSS of
#   read-all   every file below the corpus read once (the baseline every ratio is quoted against)
#   walk       the scanner alone (walk + ignore rules + classification + read + decode)
#   scan       consolidate-analyze scan, the whole pipeline (parse, references, clones, rules), JSON to /dev/null
#   jscpd4/5   jscpd 4.x and 5.x (installed from npm into benchmarks/.work by this script) on the same tree
# and prints a Markdown table per corpus. Usage: benchmarks/run.sh [--runs N] [--no-jscpd] CORPUS...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs=3
jscpd=1
corpora=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-jscpd) jscpd=0; shift ;;
    *) corpora+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
[ ${#corpora[@]} -gt 0 ] || { echo "usage: benchmarks/run.sh [--runs N] [--no-jscpd] CORPUS..." >&2; exit 2; }

work="$here/.work"
mkdir -p "$work"
dotnet build "$here/Consolidate.Benchmarks/Consolidate.Benchmarks.csproj" -c Release -o "$work/bin" --nologo -v q >/dev/null
dotnet build "$here/../src/Cli/Consolidate.Cli.csproj" -c Release -o "$work/cli" --nologo -v q >/dev/null
bench="$work/bin/Consolidate.Benchmarks.dll"
cli="$work/cli/consolidate-analyze.dll"

if [ "$jscpd" = 1 ]; then
  for v in 4 5; do
    if [ ! -x "$work/jscpd$v/node_modules/.bin/jscpd" ] || ! cmp -s "$here/tools/jscpd$v/package-lock.json" "$work/jscpd$v/package-lock.json"; then
      rm -rf "$work/jscpd$v" && mkdir -p "$work/jscpd$v"
      cp "$here/tools/jscpd$v/package.json" "$here/tools/jscpd$v/package-lock.json" "$here/tools/jscpd$v/.npmrc" "$work/jscpd$v/"
      (cd "$work/jscpd$v" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null 2>&1)
    fi
  done
fi

# measure NAME COMMAND...: median wall seconds and max peak RSS (MB) over $runs runs
measure() {
  local name="$1"; shift
  local walls=() peaks=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
    read -r wall kb < <(tail -n 1 "$work/time.txt")
    walls+=("$wall"); peaks+=("$kb")
  done
  python3 -c "import statistics,sys; w=[float(x) for x in sys.argv[2].split()]; p=[int(x) for x in sys.argv[3].split()]; print(sys.argv[1], f'{statistics.median(w):.2f}', max(p)//1024)" "$name" "${walls[*]}" "${peaks[*]}"
}

for corpus in "${corpora[@]}"; do
  files=$(find "$corpus" -type f -not -path '*/.git/*' | wc -l)
  dotnet "$bench" readall "$corpus" >/dev/null 2>&1   # warm the page cache
  rows=()
  rows+=("$(measure read-all dotnet "$bench" readall "$corpus")")
  rows+=("$(measure walk dotnet "$bench" walk "$corpus")")
  rows+=("$(measure scan dotnet "$cli" scan "$corpus" --format json --output /dev/null --fail-on none)")
  if [ "$jscpd" = 1 ]; then
    rows+=("$(measure jscpd-4 "$work/jscpd4/node_modules/.bin/jscpd" --silent --reporters json --output "$work/jscpd-out" "$corpus")")
    rows+=("$(measure jscpd-5 "$work/jscpd5/node_modules/.bin/jscpd" --silent --reporters json --output "$work/jscpd-out" "$corpus")")
  fi
  echo
  echo "### $(basename "$corpus") ($files files, $(nproc) cores, median of $runs runs)"
  echo
  python3 - "${rows[@]}" <<'PY'
import sys
rows = [r.split() for r in sys.argv[1:]]
base = float(rows[0][1]) or 0.01
print("| what | wall s | peak MB | wall / read-all |")
print("| --- | --- | --- | --- |")
for name, wall, peak in rows:
    print(f"| {name} | {float(wall):.2f} | {peak} | {float(wall) / base:.1f}x |")
PY
done
