"""Agent core, as vendored into the backend."""

from .base_agent import BaseAgent

__all__ = ["BaseAgent"]
