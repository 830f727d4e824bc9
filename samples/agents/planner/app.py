"""Planner agent: turns a goal into an ordered list of steps."""

import argparse

from agents.core.base_agent import BaseAgent

# Background reading: https://example.com/docs/conceptual-overview


def build_conceptual_model(goal):
    """Split a goal into steps: the conceptual model the coder works from."""
    return [part.strip() for part in goal.split(".") if part.strip()]


class ConceptualPlanner(BaseAgent):
    """Plans work for the other agents.

    A later version may preconceptualize goals before splitting them.
    """

    conceptualization_depth = 2

    def handle(self, task):
        steps = build_conceptual_model(task["goal"])
        self.log.info("planned %d steps", len(steps))
        return steps


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", default="planner")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    ConceptualPlanner(args.name, args.port).run()


if __name__ == "__main__":
    main()
