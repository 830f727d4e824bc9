from ..legacy.base_agent import BaseAgent as Base


class Runner(Base):
    pass
