import scoring

from scoring import conceptual_score

SCORER = getattr(scoring, "conceptual_score")


def run():
    return conceptual_score(1) + SCORER(2)
