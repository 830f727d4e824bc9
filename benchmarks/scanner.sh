#!/usr/bin/env bash
# Times the scanner alone against a read-all-files baseline, in one run, on the same corpus.
# Usage: benchmarks/scanner.sh CORPUS [RUNS]   (prints a Markdown table row per mode, medians of RUNS runs)
set -euo pipefail
corpus="$(cd "$1" && pwd)"
runs="${2:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here/Consolidate.Benchmarks/Consolidate.Benchmarks.csproj" -c Release -o "$here/.work/bin" --nologo -v q >/dev/null
bin="$here/.work/bin/Consolidate.Benchmarks.dll"

# Warm the page cache so both modes read from memory.
dotnet "$bin" readall "$corpus" 2>/dev/null

measure() {
  local mode="$1" walls=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$here/.work/time.txt" dotnet "$bin" "$mode" "$corpus" 2>/dev/null
    read -r wall kb < "$here/.work/time.txt"
    walls+=("$wall"); rss+=("$kb")
  done
  python3 - "$mode" "${walls[*]}" "${rss[*]}" <<'PY'
import statistics, sys
mode, walls, rss = sys.argv[1], [float(x) for x in sys.argv[2].split()], [int(x) for x in sys.argv[3].split()]
print(f"{mode} {statistics.median(walls):.3f} {max(rss) / 1024:.0f}")
PY
}

base=$(measure readall)
walk=$(measure walk)
python3 - "$base" "$walk" "$corpus" "$runs" <<'PY'
import sys
(bm, bw, br), (wm, ww, wr) = (sys.argv[1].split(), sys.argv[2].split())
bw, ww = float(bw), float(ww)
print(f"corpus: {sys.argv[3]}, median of {sys.argv[4]} runs, wall seconds (process start included), peak RSS MB")
print("| mode | wall s | peak MB | ratio to read-all |")
print("| --- | --- | --- | --- |")
print(f"| read-all baseline | {bw:.3f} | {br} | 1.00 |")
print(f"| scanner (walk + ignore + classify + read + decode) | {ww:.3f} | {wr} | {ww / bw:.2f} |")
PY
