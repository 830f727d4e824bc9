"""A small pool that keeps agents alive and collects their heartbeats."""

from backend.app.agents.core.base_agent import HEARTBEAT_SECONDS, BaseAgent


class WorkerPool:
    def __init__(self):
        self.agents = []

    def add(self, agent):
        if not isinstance(agent, BaseAgent):
            raise TypeError("not an agent: %r" % (agent,))
        self.agents.append(agent)

    def heartbeats(self):
        return [agent.heartbeat() for agent in self.agents]

    def interval(self):
        return HEARTBEAT_SECONDS
