from services.legacy.base_agent import BaseAgent  # the agent base


class Planner(BaseAgent):
    pass
