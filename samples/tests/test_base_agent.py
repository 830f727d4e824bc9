"""Tests for the agent base class (both copies, until they are merged)."""

import unittest
from unittest import mock

from agents.core.base_agent import BaseAgent


class Counter(BaseAgent):
    def __init__(self):
        super().__init__("counter", poll_seconds=0)
        self.tasks = [1, 2]
        self.seen = []

    def next_task(self):
        return self.tasks.pop(0) if self.tasks else None

    def handle(self, task):
        self.seen.append(task)


class BaseAgentTests(unittest.TestCase):
    def test_run_handles_tasks_until_max_ticks(self):
        agent = Counter()
        agent.run(max_ticks=3)
        self.assertEqual(agent.seen, [1, 2])

    @mock.patch("backend.app.agents.core.base_agent.BaseAgent.run")
    def test_backend_copy_run_can_be_patched(self, run):
        from backend.app.agents.core.base_agent import BaseAgent as BackendAgent

        BackendAgent("probe").run()
        run.assert_called_once_with()


if __name__ == "__main__":
    unittest.main()
