#!/usr/bin/env python3
"""CPU of the Python worker's own job (worker.py's parse_file and reply encoding, no .NET side) over every .py file of
CORPUS, on one core, with and without glibc's MALLOC_TRIM_THRESHOLD_ as the tool sets it for its workers (64 MB).
Each variant runs in a fresh interpreter, the variants alternate for --rounds rounds, and each row is the median.
Usage: benchmarks/python-worker.py [--rounds N] [--python PATH] CORPUS
"""
import argparse
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WORKER_DIR = os.path.join(HERE, "..", "src", "Analyzers", "Frontends", "Python")

CHILD = r"""
import gc, os, resource, sys, time, warnings
sys.path.insert(0, sys.argv[1])
import worker
warnings.simplefilter("ignore")
gc.freeze()
gc.set_threshold(100000, 50, 100)  # as worker.main() sets it
files = []
for folder, dirs, names in os.walk(sys.argv[2]):
    dirs[:] = sorted(d for d in dirs if d not in (".git", ".consolidate"))
    for name in sorted(names):
        path = os.path.join(folder, name)
        if name.endswith(".py") and os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as f:
                files.append(f.read())
before = resource.getrusage(resource.RUSAGE_SELF)
start = time.process_time()
for data in files:
    worker._encode(worker.parse_file(data, False))
after = resource.getrusage(resource.RUSAGE_SELF)
print(len(files), time.process_time() - start, after.ru_minflt - before.ru_minflt)
"""


def run(python, corpus, trim):
    env = dict(os.environ)
    env.pop("MALLOC_TRIM_THRESHOLD_", None)
    if trim:
        env["MALLOC_TRIM_THRESHOLD_"] = "67108864"
    out = subprocess.run([python, "-I", "-S", "-c", CHILD, WORKER_DIR, corpus], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return int(out[0]), float(out[1]), int(out[2])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("corpus")
    args = parser.parse_args()
    results = {False: [], True: []}
    for _ in range(args.rounds):
        for trim in (False, True):
            results[trim].append(run(args.python, args.corpus, trim))
    files = results[False][0][0]
    print(f"### Python worker on {files} .py files of {args.corpus} (median of {args.rounds} rounds, one core)")
    print()
    print("| glibc heap trimming | CPU s | minor page faults |")
    print("| --- | --- | --- |")
    for trim, name in ((False, "default (128 KB)"), (True, "MALLOC_TRIM_THRESHOLD_=64 MB (the tool's setting)")):
        rows = results[trim]
        print(f"| {name} | {statistics.median(r[1] for r in rows):.2f} | {int(statistics.median(r[2] for r in rows))} |")


if __name__ == "__main__":
    main()
