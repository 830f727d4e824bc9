"""Reviewer agent: approves or rejects the coder's patches."""

import argparse

import agents.core.base_agent as ba


class Reviewer(ba.BaseAgent):
    def handle(self, task):
        approved = bool(task.get("patch"))
        self.log.info("review of step %s: %s", task["step"], "approved" if approved else "rejected")
        return approved


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", default="reviewer")
    parser.add_argument("--port", type=int, default=8082)
    args = parser.parse_args()
    Reviewer(args.name, args.port).run()


if __name__ == "__main__":
    main()
