namespace Consolidate.Analyzers.Caching;

/// <summary>Where a file's entry lives (<see cref="Slot"/>, from its path and language) and what it must have been written for (<see cref="Hash"/>).</summary>
public sealed record CacheKey(string Slot, byte[] Hash);
