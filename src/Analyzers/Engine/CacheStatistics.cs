namespace Consolidate.Analyzers.Engine;

/// <summary>
/// What the cache did in one scan: <see cref="Hits"/> files read from it, <see cref="Misses"/> files parsed (of which
/// <see cref="Stale"/> had an entry for other content, tool or interpreter, and <see cref="Corrupt"/> had a damaged
/// entry that was dropped), <see cref="Written"/> entries stored, and why writing stopped, if it did.
/// </summary>
public sealed record CacheStatistics(int Hits, int Misses, int Stale, int Corrupt, int Written, string? WriteFailure);
