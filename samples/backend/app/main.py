"""Backend entry point: builds the worker pool the API manages."""

from agents.planner.app import ConceptualPlanner
from backend.app.agents.core.base_agent import BaseAgent as Base
from backend.app.agents.workers import WorkerPool

PLANNER_MODE = "conceptual"


def build_pool():
    pool = WorkerPool()
    pool.add(ConceptualPlanner("planner", 8080))
    for name, port in (("coder", 8081), ("reviewer", 8082), ("tester", 8083)):
        pool.add(Base(name, port))
    return pool


if __name__ == "__main__":
    print(len(build_pool().agents), "agents in mode", PLANNER_MODE)
