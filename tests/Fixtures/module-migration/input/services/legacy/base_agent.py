"""A copy of the base class, kept by the services (to be folded)."""

DEFAULT_PORT = 8080
LEGACY_ONLY = True


class BaseAgent:
    def __init__(self, name, port=DEFAULT_PORT):
        self.name = name
        self.port = port

    def run(self):
        return f"{self.name} on port {self.port}"
