from services.old import agent_base
from services.old.agent_base import DEFAULT_PORT


class Main(agent_base.BaseAgent):
    port = DEFAULT_PORT
