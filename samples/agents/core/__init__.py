"""Shared building blocks for orbit agents."""
