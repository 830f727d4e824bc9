from vendor.core.base_agent import BaseAgent, DEFAULT_PORT

AGENT = BaseAgent("main", DEFAULT_PORT)
