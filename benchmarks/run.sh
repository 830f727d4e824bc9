#!/usr/bin/env bash
# Side-by-side macro benchmark, one run, same machine: for each CORPUS folder, times (median of RUNS) and peak RSS of
#   read-all     every file below the corpus read once (the baseline every ratio is quoted against)
#   walk         the scanner alone (walk + ignore rules + classification + read + decode)
#   scan cold    consolidate-analyze scan with no cache yet (it writes .consolidate/cache), JSON to /dev/null
#   scan warm    the same scan again after one file changed (a Python or shell file gets a new comment line)
#   scan no-cache  scan --no-cache (neither reads nor writes the cache)
#   jscpd4/5     jscpd 4.x and 5.x (installed from npm into benchmarks/.work by this script) on the same tree
#   scan-before  with --compare DLL: another build of the CLI (say, the main branch before a change) on the same tree
# and prints a Markdown table per corpus. --generate "1000 10000 50000" first writes generated repositories of those
# sizes (the benchmark program's generator, seeded) into ${TMPDIR:-/tmp}/consolidate-bench/gen-N (outside the repository;
# CONSOLIDATE_BENCH_GENERATED sets another folder) and adds them to the corpora, and a
# scaling table (time per file against the smallest) ends the output.
# Usage: benchmarks/run.sh [--runs N] [--no-jscpd] [--jscpd-max-files N] [--generate "SIZES"] [--compare DLL] [CORPUS...]
# The corpora are left as found: the edited file is restored and .consolidate/ removed at the end.
set -euo pipefail
trap 'echo "run.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
here="$(cd "$(dirname "$0")" && pwd)"
runs=3
jscpd=1
jscpd_max=20000
sizes=""
compare=""
corpora=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-jscpd) jscpd=0; shift ;;
    --jscpd-max-files) jscpd_max="$2"; shift 2 ;;
    --generate) sizes="$2"; shift 2 ;;
    --compare) compare="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    *) corpora+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
[ ${#corpora[@]} -gt 0 ] || [ -n "$sizes" ] || { echo "usage: benchmarks/run.sh [--runs N] [--no-jscpd] [--jscpd-max-files N] [--generate \"SIZES\"] CORPUS..." >&2; exit 2; }

work="$here/.work"
mkdir -p "$work"
dotnet build "$here/Consolidate.Benchmarks/Consolidate.Benchmarks.csproj" -c Release -o "$work/bin" --nologo -v q >/dev/null
# The CLI as its tool package ships it: published for this machine's runtime, ReadyToRun (see src/Cli's project).
dotnet publish "$here/../src/Cli/Consolidate.Cli.csproj" -c Release --use-current-runtime -o "$work/cli" --nologo -v q >/dev/null
bench="$work/bin/Consolidate.Benchmarks.dll"
cli="$work/cli/consolidate-analyze.dll"

generated=()
for n in $sizes; do
  # Outside this repository: jscpd 4 honours the .gitignore of enclosing git repositories, and ours ignores
  # benchmarks/.work, so inside it jscpd 4 would read nothing.
  target="${CONSOLIDATE_BENCH_GENERATED:-${TMPDIR:-/tmp}/consolidate-bench}/gen-$n"
  if [ ! -f "$target/.generated" ]; then
    rm -rf "$target"
    dotnet "$bench" generate "$target/repo" "$n" 42 >/dev/null 2>&1
    echo "$n" > "$target/.generated"
  fi
  generated+=("$target/repo")
  corpora+=("$target/repo")
done

if [ "$jscpd" = 1 ]; then
  for v in 4 5; do
    if [ ! -x "$work/jscpd$v/node_modules/.bin/jscpd" ] || ! cmp -s "$here/tools/jscpd$v/package-lock.json" "$work/jscpd$v/package-lock.json"; then
      rm -rf "$work/jscpd$v" && mkdir -p "$work/jscpd$v"
      cp "$here/tools/jscpd$v/package.json" "$here/tools/jscpd$v/package-lock.json" "$here/tools/jscpd$v/.npmrc" "$work/jscpd$v/"
      # npm install, not npm ci: jscpd 5 ships its binary as one optional package per platform, and npm 11's ci
      # refuses a lock that holds only this platform's (the lock is still honoured, integrity included).
      (cd "$work/jscpd$v" && npm install --ignore-scripts --no-audit --no-fund >/dev/null 2>&1)
    fi
  done
fi

# Every variant of a corpus runs once per round, round after round ($runs rounds), so they share whatever load the
# machine has at the time (other work on a shared machine shifts all rows alike instead of favouring one), and each
# row is the median wall time and the highest peak RSS over the rounds. A variant is NAME, a shell command run
# untimed before each run (its setup), and the command timed.
names=(); setups=(); commands=()
variant() { names+=("$1"); setups+=("$2"); commands+=("$3"); }
measure_all() {
  local -a walls peaks
  local round i wall kb
  for ((i = 0; i < ${#names[@]}; i++)); do walls[i]=""; peaks[i]=""; done
  for ((round = 1; round <= runs; round++)); do
    for ((i = 0; i < ${#names[@]}; i++)); do
      eval "${setups[i]}"
      eval "/usr/bin/time -f '%e %M' -o '$work/time.txt' ${commands[i]}" >/dev/null 2>&1 || true
      read -r wall kb < <(tail -n 1 "$work/time.txt")
      walls[i]="${walls[i]} $wall"; peaks[i]="${peaks[i]} $kb"
    done
  done
  rows=()
  for ((i = 0; i < ${#names[@]}; i++)); do
    rows+=("$(python3 -c "import statistics,sys; w=[float(x) for x in sys.argv[2].split()]; p=[int(x) for x in sys.argv[3].split()]; print(sys.argv[1], f'{statistics.median(w):.2f}', max(p)//1024)" "${names[i]}" "${walls[i]}" "${peaks[i]}")")
  done
}

# The file a warm scan finds changed: the first Python file (else shell script) in path order, given a new comment
# line before each warm run (so every warm run parses exactly one file), restored afterwards.
edit_count=0
edit_file() {
  edit_count=$((edit_count + 1))
  printf '\n# benchmark edit %s\n' "$edit_count" >> "$edited"
}

scaling=()
for corpus in "${corpora[@]}"; do
  files=$(find "$corpus" -type f -not -path '*/.git/*' -not -path '*/.consolidate/*' | wc -l)
  rm -rf "$corpus/.consolidate"
  edited="$(cd "$corpus" && find . -type f -name '*.py' -not -path './.git/*' | LC_ALL=C sort | sed -n 1p)"
  [ -n "$edited" ] || edited="$(cd "$corpus" && find . -type f -name '*.sh' -not -path './.git/*' | LC_ALL=C sort | sed -n 1p)"
  edited="$corpus/${edited#./}"
  cp -p "$edited" "$work/edited.orig"
  dotnet "$bench" readall "$corpus" >/dev/null 2>&1   # warm the page cache
  scan="dotnet '$cli' scan '$corpus' --format json --output /dev/null --fail-on none"
  names=(); setups=(); commands=()
  variant read-all true "dotnet '$bench' readall '$corpus'"
  variant walk true "dotnet '$bench' walk '$corpus'"
  variant scan-cold "rm -rf '$corpus/.consolidate'" "$scan"
  # Warm: the cache of an unchanged tree (an untimed scan), then one file edited.
  variant scan-warm "$scan >/dev/null 2>&1 || true; edit_file" "$scan"
  variant scan-no-cache "rm -rf '$corpus/.consolidate'" "$scan --no-cache"
  [ -z "$compare" ] || variant scan-before "rm -rf '$corpus/.consolidate'" "dotnet '$compare' scan '$corpus' --format json --output /dev/null --fail-on none"
  if [ "$jscpd" = 1 ] && [ "$files" -le "$jscpd_max" ]; then
    variant jscpd-4 "rm -rf '$corpus/.consolidate'" "'$work/jscpd4/node_modules/.bin/jscpd' --silent --reporters json --output '$work/jscpd-out' '$corpus'"
    variant jscpd-5 "rm -rf '$corpus/.consolidate'" "'$work/jscpd5/node_modules/.bin/jscpd' --silent --reporters json --output '$work/jscpd-out' '$corpus'"
  fi
  measure_all
  cp -p "$work/edited.orig" "$edited"
  rm -rf "$corpus/.consolidate"
  echo
  echo "### $(basename "$(dirname "$corpus")")/$(basename "$corpus") ($files files, $(nproc) cores, median of $runs rounds)"
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
  for g in "${generated[@]}"; do
    if [ "$g" = "$corpus" ]; then
      cold=$(printf '%s\n' "${rows[@]}" | awk '$1 == "scan-cold" { print $2, $3 }')
      warm=$(printf '%s\n' "${rows[@]}" | awk '$1 == "scan-warm" { print $2 }')
      base=$(printf '%s\n' "${rows[@]}" | awk '$1 == "read-all" { print $2 }')
      scaling+=("$files $cold $warm $base")
    fi
  done
done

if [ ${#scaling[@]} -gt 0 ]; then
  echo
  echo "### Scaling (generated repositories, cold and warm scan)"
  echo
  python3 - "${scaling[@]}" <<'PY'
import sys
rows = [[float(x) for x in r.split()] for r in sys.argv[1:]]
first = rows[0][1] / rows[0][0]
print("| files | read-all s | cold scan s | ms per file | per file / smallest | cold peak MB | warm scan s | warm / read-all |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for files, cold, peak, warm, base in rows:
    per = cold / files
    print(f"| {int(files)} | {base:.2f} | {cold:.2f} | {per * 1000:.2f} | {per / first:.2f}x | {int(peak)} | {warm:.2f} | {warm / (base or 0.01):.1f}x |")
PY
fi
