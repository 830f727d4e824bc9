from services.legacy.base_agent import BaseAgent, LEGACY_ONLY

FLAG = LEGACY_ONLY and BaseAgent
