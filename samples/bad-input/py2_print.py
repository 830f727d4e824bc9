# Python 2 leftover: a print statement.
def greet():
    print "hello"
