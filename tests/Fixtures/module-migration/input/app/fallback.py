try:
    from agents.core.base_agent import BaseAgent
except ImportError:  # older layout
    from services.legacy.base_agent import BaseAgent

__all__ = ["BaseAgent"]
