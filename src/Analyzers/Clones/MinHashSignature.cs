namespace Consolidate.Analyzers.Clones;

/// <summary>
/// One-permutation MinHash (Li, Owen and Zhang 2012) with optimal densification (Shrivastava 2017) over the set of
/// 5-grams of a normalized token sequence (their hashes, <see cref="CloneUnit.Grams"/>): the top bits of a
/// 5-gram's hash pick one of <see cref="Bins"/> bins and the bin keeps the smallest low 32 bits. An empty bin borrows the value
/// of a bin chosen by a fixed hash sequence, so the probability two signatures agree in a bin stays their Jaccard
/// similarity. Cost: one hash per token. Everything is seeded by constants, so signatures are the same on every run.
/// </summary>
internal static class MinHashSignature
{
    public const int Bins = 128;
    public const int Bands = 32;
    public const int Rows = Bins / Bands;

    private const int BinShift = 64 - 7;

    public static uint[]? Compute(ReadOnlySpan<ulong> grams)
    {
        if (grams.Length == 0)
            return null;
        var (signature, filled) = Empty();
        foreach (var hash in grams)
            Add(signature, filled, hash);

        return Densified(signature, filled);
    }

    /// <summary>
    /// The signature of the 5-grams of <paramref name="tokens"/> (<see cref="TokenTiling.Grams"/>), each gram hashed as it
    /// is met instead of all of them first into an array: the same signature without the allocation.
    /// </summary>
    public static uint[]? OfTokens(ReadOnlySpan<ulong> tokens)
    {
        var count = tokens.Length - TokenTiling.MinimumMatch + 1;
        if (count <= 0)
            return null;
        var (signature, filled) = Empty();
        for (var i = 0; i < count; i++)
            Add(signature, filled, StableHash.Sequence(tokens.Slice(i, TokenTiling.MinimumMatch)));

        return Densified(signature, filled);
    }

    /// <summary>Every bin at its largest value, none filled yet.</summary>
    private static (uint[] Signature, bool[] Filled) Empty()
    {
        var signature = new uint[Bins];
        for (var i = 0; i < Bins; i++)
            signature[i] = uint.MaxValue;
        return (signature, new bool[Bins]);
    }

    private static void Add(uint[] signature, bool[] filled, ulong hash)
    {
        var bin = (int)(hash >> BinShift);
        var value = (uint)hash;
        filled[bin] = true;
        if (value < signature[bin])
            signature[bin] = value;
    }

    private static uint[] Densified(uint[] signature, bool[] filled)
    {
        for (var bin = 0; bin < Bins; bin++)
        {
            if (filled[bin])
                continue;
            for (ulong attempt = 1; ; attempt++)
            {
                var donor = (int)(StableHash.Mix(((ulong)bin << 32) ^ attempt) >> BinShift);
                if (filled[donor])
                {
                    signature[bin] = signature[donor];
                    break;
                }
            }
        }

        return signature;
    }

    /// <summary>Share of bins that agree: an estimate of the Jaccard similarity of the two k-gram sets.</summary>
    public static double Agreement(uint[] a, uint[] b)
    {
        var same = 0;
        for (var i = 0; i < Bins; i++)
            if (a[i] == b[i])
                same++;
        return (double)same / Bins;
    }

    public static ulong BandKey(uint[] signature, int band, ulong domain)
    {
        var key = StableHash.Combine(domain, (ulong)band);
        for (var r = 0; r < Rows; r++)
            key = StableHash.Combine(key, signature[band * Rows + r]);
        return key;
    }
}
