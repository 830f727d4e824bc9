import services.legacy.base_agent as ba


class Reviewer(ba.BaseAgent):
    port = ba.DEFAULT_PORT
