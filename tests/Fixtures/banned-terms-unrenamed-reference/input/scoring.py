# conceptual scoring helpers


def conceptual_score(value):
    return value * 2
