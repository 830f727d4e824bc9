from app.planner import ConceptualPlanner

# Conceptual entry point.


def main():
    return ConceptualPlanner().plan("a. b")
