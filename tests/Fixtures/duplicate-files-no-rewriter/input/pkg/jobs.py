from pkg.util import first

print(first([4, 5]))
