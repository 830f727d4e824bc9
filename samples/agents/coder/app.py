"""Coder agent: writes a patch for each planned step."""

import argparse

from agents.core import base_agent


class Coder(base_agent.BaseAgent):
    def handle(self, task):
        self.log.info("coding step %s", task["step"])
        return {"step": task["step"], "patch": ""}


def make_agent(name="coder", port=8081):
    # Imported here so that `app.py --help` does not pay for it.
    from agents.core.base_agent import BaseAgent

    agent = Coder(name, port)
    assert isinstance(agent, BaseAgent)
    return agent


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", default="coder")
    parser.add_argument("--port", type=int, default=8081)
    args = parser.parse_args()
    make_agent(args.name, args.port).run()


if __name__ == "__main__":
    main()
