#!/usr/bin/env python3
"""Scores clone reports against planted ground truth, the same way for every tool.

Usage: benchmarks/score-clones.py TRUTH_JSON (--consolidate REPORT_JSON | --jscpd JSCPD_REPORT_JSON)

TRUTH_JSON is the truth.json the accuracy test exports with the generated repository
(CONSOLIDATE_ACCURACY_EXPORT=DIR dotnet test tests/Analyzers.Tests --filter "FullyQualifiedName~exports_with").
The rules are those of tests/Analyzers.Tests/Clones/Accuracy/CloneAccuracy.cs:
- a reported member matches a planted member when both are in the same file and their line ranges overlap by at
  least half of their union;
- a planted pair is found when both of its members match members of one reported class (for jscpd, one reported
  pair: jscpd reports pairs, not classes);
- a reported pair is correct when its members lie in distinct members of one planted class (overlap of half the
  union, or inside a member of a planted file-scope class).
Recall is per planted kind; precision is per reported kind for consolidate-analyze and overall for jscpd (which does
not say what kind of clone it found).
"""
import argparse
import itertools
import json
import os


def overlap(a, b):
    inter = min(a[2], b[2]) - max(a[1], b[1]) + 1
    if inter <= 0:
        return 0.0
    union = max(a[2], b[2]) - min(a[1], b[1]) + 1
    return inter / union


def load_truth(path):
    classes = json.load(open(path))
    members = []  # (path, start, end, class index)
    for index, cls in enumerate(classes):
        for m in cls["members"]:
            members.append((m["path"], m["startLine"], m["endLine"], index))
    return classes, members


def consolidate_classes(path):
    report = json.load(open(path))
    return [(c["kind"], [(m["path"], m["startLine"], m["endLine"]) for m in c["members"]]) for c in report["clusters"]]


def jscpd_classes(path, root):
    report = json.load(open(path))
    out = []
    for d in report["duplicates"]:
        pair = []
        for side in ("firstFile", "secondFile"):
            f = d[side]
            name = os.path.relpath(f["name"], root) if os.path.isabs(f["name"]) else f["name"]
            pair.append((os.path.normpath(name), f["start"], f["end"]))
        out.append(("any", pair))
    return out


def score(classes, truth_members, reported, jscpd):
    by_path = {}
    for i, m in enumerate(truth_members):
        by_path.setdefault(m[0], []).append(i)

    def match(member):
        best, best_overlap = None, 0.0
        for i in by_path.get(member[0], []):
            o = overlap(truth_members[i], member)
            if o >= 0.5 and o > best_overlap:
                best, best_overlap = i, o
        return best

    def within(member):
        found = set()
        for i in by_path.get(member[0], []):
            t = truth_members[i]
            if overlap(t, member) >= 0.5 or (classes[t[3]]["scope"] == "file" and t[1] <= member[1] and member[2] <= t[2]):
                found.add(i)
        return found

    found_pairs = set()
    reported_pairs = {}
    correct_pairs = {}
    for kind, members in reported:
        matched = [match(m) for m in members]
        inside = [within(m) for m in members]
        for i, j in itertools.combinations(range(len(members)), 2):
            if matched[i] is not None and matched[j] is not None:
                found_pairs.add(frozenset((matched[i], matched[j])))
            reported_pairs[kind] = reported_pairs.get(kind, 0) + 1
            if any(truth_members[x][3] == truth_members[y][3] and x != y for x in inside[i] for y in inside[j]):
                correct_pairs[kind] = correct_pairs.get(kind, 0) + 1

    rows = []
    for kind in ("exact", "renamed", "near"):
        true_pairs = found = 0
        for index, cls in enumerate(classes):
            if cls["kind"] != kind:
                continue
            ids = [i for i, m in enumerate(truth_members) if m[3] == index]
            for a, b in itertools.combinations(ids, 2):
                true_pairs += 1
                found += frozenset((a, b)) in found_pairs
        precision_kind = "any" if jscpd else kind
        rp = reported_pairs.get(precision_kind, 0)
        cp = correct_pairs.get(precision_kind, 0)
        rows.append((kind, found, true_pairs, cp, rp))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("truth")
    parser.add_argument("--consolidate")
    parser.add_argument("--jscpd")
    args = parser.parse_args()
    classes, members = load_truth(args.truth)
    root = os.path.dirname(os.path.abspath(args.truth))
    if args.jscpd:
        rows = score(classes, members, jscpd_classes(args.jscpd, root), jscpd=True)
    else:
        rows = score(classes, members, consolidate_classes(args.consolidate), jscpd=False)
    print("| kind | recall | precision |")
    print("| --- | --- | --- |")
    for kind, found, true_pairs, cp, rp in rows:
        recall = found / true_pairs if true_pairs else 1.0
        precision = cp / rp if rp else 1.0
        print(f"| {kind} | {recall:.3f} ({found}/{true_pairs}) | {precision:.3f} ({cp}/{rp}) |")


if __name__ == "__main__":
    main()
