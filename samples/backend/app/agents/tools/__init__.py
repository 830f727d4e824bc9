"""Debugging helpers that run agents outside the pool."""
