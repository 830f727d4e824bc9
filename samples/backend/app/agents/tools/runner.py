"""Run one task on one agent, outside the pool (for debugging)."""

from ..core.base_agent import BaseAgent


def run_once(agent, task):
    if not isinstance(agent, BaseAgent):
        raise TypeError("not an agent: %r" % (agent,))
    return agent.handle(task)
