"""Tester agent: runs the test suite against approved patches."""

import argparse
import importlib

try:
    from agents.core.base_agent import BaseAgent
except ImportError:  # inside the backend image only the vendored copy exists
    from backend.app.agents.core.base_agent import BaseAgent


def load_base():
    """Resolve the base class by name, the way the plugin loader does."""
    module = importlib.import_module("agents.core.base_agent")
    return module.BaseAgent


class Tester(BaseAgent):
    def handle(self, task):
        self.log.info("testing step %s", task["step"])
        return {"step": task["step"], "passed": True}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", default="tester")
    parser.add_argument("--port", type=int, default=8083)
    args = parser.parse_args()
    Tester(args.name, args.port).run()


if __name__ == "__main__":
    main()
