import unittest
from unittest import mock


class AgentTests(unittest.TestCase):
    @mock.patch("services.legacy.base_agent.BaseAgent.run")
    def test_run_is_patched(self, run):
        from services.legacy.base_agent import BaseAgent

        BaseAgent("probe").run()
        run.assert_called_once_with()
