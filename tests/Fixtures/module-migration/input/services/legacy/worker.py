from .base_agent import BaseAgent


class Worker(BaseAgent):
    pass
