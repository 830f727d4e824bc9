"""Base class every orbit agent derives from."""

import logging
import time

HEARTBEAT_SECONDS = 15


class BaseAgent:
    """An agent with a name, a port and a run loop.

    Subclasses override ``handle`` and leave the loop alone.
    """

    def __init__(self, name, port=8080, poll_seconds=1.0):
        self.name = name
        self.port = port
        self.poll_seconds = poll_seconds
        self.log = logging.getLogger("orbit." + name)
        self._running = False

    def handle(self, task):
        raise NotImplementedError

    def next_task(self):
        return None

    def run(self, max_ticks=None):
        self._running = True
        ticks = 0
        while self._running and (max_ticks is None or ticks < max_ticks):
            task = self.next_task()
            if task is not None:
                self.log.info("handling %s", task)
                self.handle(task)
            else:
                time.sleep(self.poll_seconds)
            ticks += 1

    def heartbeat(self):
        """Tell the backend this agent is alive (backend copy only)."""
        return {"agent": self.name, "port": self.port, "every": HEARTBEAT_SECONDS}

    def stop(self):
        self._running = False
