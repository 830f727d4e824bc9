from services.legacy.base_agent import (
    BaseAgent,  # the class
    DEFAULT_PORT,
)

AGENT = BaseAgent("x", DEFAULT_PORT)
