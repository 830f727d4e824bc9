namespace Consolidate.Analyzers.Caching;

/// <summary>A cache entry that cannot be what the tool wrote. Caught by <see cref="ParseCache"/> only: the entry is dropped, never trusted.</summary>
internal sealed class CorruptEntryException(string message) : Exception(message);
