from other.util import chunks

print(list(chunks([1, 2, 3], 2)))
