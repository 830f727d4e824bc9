import importlib


def make():
    # Imported here so that startup stays cheap.
    from services.legacy.base_agent import BaseAgent

    return BaseAgent("lazy")


def load():
    return importlib.import_module("services.legacy.base_agent").BaseAgent
