# conceptual and theoretical models differ: keep both


def conceptual_model():
    return 1


def theoretical_model():
    return 2


TOTAL = conceptual_model() + theoretical_model()
