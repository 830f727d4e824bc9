using System.Collections.Concurrent;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Near-clone similarities remembered from an earlier scan, so a re-scan does not tile the same two sequences again
/// (verifying candidate pairs is most of the clustering step's time on a warm scan). A similarity depends only on the
/// two units' near-clone sequences (their normalized tokens and identifier names without boilerplate) and on the
/// threshold it was computed against (below it, <see cref="TokenTiling.Similarity(TokenTiling.Sequence, TokenTiling.Sequence, ulong, double, TokenTiling.Scratch)"/>
/// may return a bound), so that is the key: a file that changes, or boilerplate that changes what a unit's sequence
/// holds, gives a new key, never a stale value. The tool's build is the store's business (the cache drops the memo of
/// another build). Thread-safe.
/// </summary>
public sealed class SimilarityMemo
{
    private static readonly ulong Seed = StableHash.Tag("near-clone similarity");

    private readonly IReadOnlyDictionary<ulong, double> known;
    private readonly ConcurrentDictionary<ulong, double> used = new();
    private int reused;
    private int computed;

    /// <param name="known">Similarities by <see cref="Key"/>, as an earlier scan left them; null for none.</param>
    public SimilarityMemo(IReadOnlyDictionary<ulong, double>? known = null)
    {
        this.known = known ?? new Dictionary<ulong, double>();
    }

    /// <summary>How many similarities this scan took from the memo.</summary>
    public int Reused => reused;

    /// <summary>How many this scan computed and added.</summary>
    public int Computed => computed;

    /// <summary>Whether this scan used exactly the similarities the memo started with (nothing new, none left unused).</summary>
    public bool Unchanged => computed == 0 && used.Count == known.Count;

    /// <summary>The similarities this scan used or computed, by key: what the next scan needs (the rest is dropped).</summary>
    public IReadOnlyList<KeyValuePair<ulong, double>> Used() => [.. used.OrderBy(p => p.Key)];

    /// <summary>The key of the similarity of units with near keys <paramref name="a"/> and <paramref name="b"/> (in that order) at <paramref name="threshold"/>.</summary>
    public static ulong Key(ulong a, ulong b, double threshold) =>
        StableHash.Combine(StableHash.Combine(StableHash.Combine(Seed, a), b), (ulong)BitConverter.DoubleToInt64Bits(threshold));

    internal bool TryGet(ulong key, out double similarity)
    {
        if (used.TryGetValue(key, out similarity))
            return true;
        if (!known.TryGetValue(key, out similarity))
            return false;
        if (used.TryAdd(key, similarity))
            Interlocked.Increment(ref reused);
        return true;
    }

    internal void Add(ulong key, double similarity)
    {
        if (used.TryAdd(key, similarity))
            Interlocked.Increment(ref computed);
    }
}
