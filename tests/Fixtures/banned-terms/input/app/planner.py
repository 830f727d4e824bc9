"""Planner: turns a goal into steps."""

# The conceptual model is built once per goal.
# See https://example.com/conceptual-notes for background.

MODE = "conceptual"


def build_conceptual_model(goal):
    return [part.strip() for part in goal.split(".") if part.strip()]


class ConceptualPlanner:
    """Plans work; preconceptualize is not a match."""

    def plan(self, goal):
        # conceptual first, then concrete
        return build_conceptual_model(goal)
