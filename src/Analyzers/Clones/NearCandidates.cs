namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Candidate pairs for near-clone verification by LSH banding: two items are candidates when all
/// <see cref="MinHashSignature.Rows"/> bins of at least one of the <see cref="MinHashSignature.Bands"/> bands agree
/// (and they share a domain: scope, language and unit kind). With 32 bands of 4 rows a pair of k-gram Jaccard 0.5 is
/// found with probability 0.87, 0.6 with 0.99; unrelated code (Jaccard about 0.05) almost never. A bucket of more than
/// <see cref="MaxBucketPairs"/> items pairs each item only with its <see cref="MaxBucketPairs"/> neighbours in length
/// order, so a degenerate bucket stays linear. Pairs whose lengths alone rule out the threshold are dropped.
/// </summary>
internal static class NearCandidates
{
    public const int MaxBucketPairs = 64;

    public static long[] Find(IReadOnlyList<uint[]?> signatures, IReadOnlyList<ulong> domains, IReadOnlyList<int> lengths, double threshold, CancellationToken cancellationToken)
    {
        var count = signatures.Count;
        var pairs = new List<long>();
        var heads = new Dictionary<ulong, int>();
        var next = new int[count];
        var shared = new List<ulong>();
        var bucket = new List<int>();
        for (var band = 0; band < MinHashSignature.Bands; band++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            heads.Clear();
            shared.Clear();
            for (var item = 0; item < count; item++)
            {
                var signature = signatures[item];
                if (signature is null)
                    continue;
                var key = MinHashSignature.BandKey(signature, band, domains[item]);
                if (heads.TryGetValue(key, out var head))
                {
                    if (next[head] < 0)
                        shared.Add(key);
                    next[item] = head;
                }
                else
                {
                    next[item] = -1;
                }

                heads[key] = item;
            }

            foreach (var key in shared)
            {
                bucket.Clear();
                for (var item = heads[key]; item >= 0; item = next[item])
                    bucket.Add(item);
                bucket.Reverse();
                AddPairs(bucket, lengths, threshold, pairs);
            }
        }

        var array = pairs.ToArray();
        Array.Sort(array);
        var unique = 0;
        for (var i = 0; i < array.Length; i++)
            if (i == 0 || array[i] != array[i - 1])
                array[unique++] = array[i];
        Array.Resize(ref array, unique);
        return array;
    }

    public static (int A, int B) Split(long pair) => ((int)(pair >> 32), (int)(pair & 0xFFFFFFFF));

    private static void AddPairs(List<int> bucket, IReadOnlyList<int> lengths, double threshold, List<long> pairs)
    {
        if (bucket.Count > MaxBucketPairs + 1)
            bucket.Sort((x, y) => lengths[x] != lengths[y] ? lengths[x].CompareTo(lengths[y]) : x.CompareTo(y));
        for (var i = 0; i < bucket.Count; i++)
        {
            var last = Math.Min(bucket.Count, i + 1 + MaxBucketPairs);
            for (var j = i + 1; j < last; j++)
            {
                var (a, b) = (Math.Min(bucket[i], bucket[j]), Math.Max(bucket[i], bucket[j]));
                if (TokenTiling.Bound(lengths[a], lengths[b]) >= threshold)
                    pairs.Add(((long)a << 32) | (uint)b);
            }
        }
    }
}
