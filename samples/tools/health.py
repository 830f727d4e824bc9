#!/usr/bin/env python3
"""Poll every agent's /health endpoint; exit 1 if one is down."""

import argparse
import sys
import urllib.request

AGENTS = {"planner": 8080, "coder": 8081, "reviewer": 8082, "tester": 8083}


def check(port, timeout=2.0):
    url = "http://localhost:%d/health" % port
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dry-run", action="store_true", help="list the checks, run none")
    args = parser.parse_args(argv)
    failed = []
    for name, port in AGENTS.items():
        if args.dry_run:
            print("would check %s on port %d" % (name, port))
        elif not check(port):
            failed.append(name)
    for name in failed:
        print("unhealthy: %s" % name, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
