"""The one base class every agent derives from."""

DEFAULT_PORT = 8080


class BaseAgent:
    def __init__(self, name, port=DEFAULT_PORT):
        self.name = name
        self.port = port

    def run(self):
        return f"{self.name} on {self.port}"
