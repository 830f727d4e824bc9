from . import agent_base as base


class User(base.BaseAgent):
    pass
