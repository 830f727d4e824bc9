from services.legacy import base_agent


class Coder(base_agent.BaseAgent):
    pass
