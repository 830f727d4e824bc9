"""Small helpers shared by the jobs."""


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def first(items, default=None):
    return next(iter(items), default)
