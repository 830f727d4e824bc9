#!/usr/bin/env bash
# Peak memory and wall time of `scan` on a generated hostile corpus (issue 12): the files of
# tests/Cli.Tests/HostileCorpusTests.cs (a 1-million-line script, a 50 MB single-line Python file, a 10k-level nested
# Python expression, a YAML alias bomb, deep/tabbed/duplicate-key/multi-document/Latin-1 compose files, odd names, a
# symlink loop), scanned twice: with the default limits (the big files are skipped by the 2 MiB size limit) and with
# limits.maxFileSize raised to 64m, so every frontend meets every file. Nothing in the corpus is ever executed.
# Usage: benchmarks/hostile.sh [WORKDIR]   (default: a temp folder, deleted afterwards)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-$(mktemp -d)}"
corpus="$work/hostile"
rm -rf "$corpus" && mkdir -p "$corpus"

python3 - "$corpus" <<'PY'
import os, sys
root = sys.argv[1]
def write(path, data):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
write("ok.sh", "#!/bin/bash\necho fine\n")
write("million-lines.sh", "echo x\n" * 1_000_000)
write("single-line.py", "x = '" + "a" * (50 * 1024 * 1024) + "'")
write("deep.py", "x = " + "(" * 10_000 + "1" + ")" * 10_000 + "\n")
bomb = 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
for level in range(1, 9):
    prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
    bomb += f"x-{name}: &{name} [" + ",".join(["*" + prev] * 9) + "]\n"
bomb += "services:\n  web:\n    image: web:1\n    labels: *i\n"
write("bomb/docker-compose.yml", bomb)
write("deep/docker-compose.yml", "services:\n" + "".join(" " * (2 * (i + 1)) + f"k{i}:\n" for i in range(300)))
write("tabs/docker-compose.yml", "services:\n\tweb:\n\t\timage: x\n")
write("dup/docker-compose.yml", "services:\n  web:\n    image: a:1\n  web:\n    image: b:1\n")
write("multi/docker-compose.yml", "services:\n  a:\n    image: a:1\n---\nservices:\n  b:\n    image: b:1\n")
write("latin1/docker-compose.yml", b"services:\n  web:\n    image: caf\xe9\n")
write("name with spaces.sh", "echo spaces\n")
write("new\nline.sh", "echo newline\n")
write("Case.sh", "echo upper\n")
write("case.sh", "echo lower\n")
write("/".join(["very-long-folder-name"] * 10) + "/deep.sh", "echo deep\n")
os.symlink(os.path.join(root, "loop"), os.path.join(root, "loop"))
PY
printf 'limits:\n  maxFileSize: 64m\n' > "$work/raised.yml"

dotnet build "$here/../src/Cli/Consolidate.Cli.csproj" -c Release -o "$work/cli" --nologo -v q >/dev/null
cli="$work/cli/consolidate-analyze.dll"

echo "| scan of the hostile corpus | wall s | peak MB | exit |"
echo "| --- | --- | --- | --- |"
for mode in default raised; do
  args=(scan "$corpus" --format json --output "$work/report-$mode.json" --fail-on none)
  [ "$mode" = raised ] && args+=(--config "$work/raised.yml")
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time.txt" dotnet "$cli" "${args[@]}" >/dev/null 2>"$work/stderr-$mode.txt"
  code=$?
  set -e
  read -r wall kb < <(tail -n 1 "$work/time.txt")
  echo "| limits $mode | $wall | $((kb / 1024)) | $code |"
done
echo
python3 - "$work/report-raised.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for f in sorted(report["files"], key=lambda f: f["path"]):
    if f["parse"] != "ok":
        print(f"- `{f['path']!r}`: {f['parse']}: {(f.get('reason') or '')[:110]}")
PY
[ $# -ge 1 ] || rm -rf "$work"
