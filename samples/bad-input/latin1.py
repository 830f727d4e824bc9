# Saved as Latin-1, not UTF-8.
# Café agent: says bonjour.
GREETING = "bonjour"
