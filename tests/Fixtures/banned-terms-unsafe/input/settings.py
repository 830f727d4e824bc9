import logging

MODE = "conceptual"
logging.getLogger(__name__).info("conceptual mode on")
