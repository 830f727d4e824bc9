import services.legacy.base_agent


def make():
    return services.legacy.base_agent.BaseAgent("plain")
