"""Vendored copy of the agent base class."""

import logging

DEFAULT_PORT = 8080
_log = logging.getLogger(__name__)


class BaseAgent:
    def __init__(self, name, port=DEFAULT_PORT):
        self.name = name
        self.port = port

    def run(self):
        _log.info("run")
        return f"{self.name} on {self.port}"
