"""A module with a syntax error on line 3."""

def broken(:
    return 1
