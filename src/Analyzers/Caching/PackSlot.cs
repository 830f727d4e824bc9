namespace Consolidate.Analyzers.Caching;

/// <summary>Where the entry of one slot (<see cref="CacheKey.Slot"/>) lies in a pack: its offset and length in bytes.</summary>
internal readonly record struct PackSlot(string Slot, long Offset, int Length);
