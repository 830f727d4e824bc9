namespace Consolidate.Analyzers.Clones;

/// <summary>
/// 64-bit hashes that are the same on every machine and in every process (string.GetHashCode is randomized): FNV-1a
/// over UTF-16 code units, finished with the SplitMix64 mixer, and an order-sensitive combiner for sequences.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    public static ulong Text(string text) => Text(text.AsSpan());

    public static ulong Text(ReadOnlySpan<char> text)
    {
        var hash = FnvOffset;
        for (var i = 0; i < text.Length; i++)
        {
            hash ^= text[i];
            hash *= FnvPrime;
        }

        return Mix(hash);
    }

    /// <summary>Hashes a short tag (a placeholder name, a class kind) so constants do not collide with token texts.</summary>
    public static ulong Tag(string tag) => Mix(Text(tag) ^ Golden);

    /// <summary>The SplitMix64 finalizer: every input bit affects every output bit.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong value)
    {
        value ^= value >> 30;
        value *= 0xBF58476D1CE4E5B9UL;
        value ^= value >> 27;
        value *= 0x94D049BB133111EBUL;
        value ^= value >> 31;
        return value;
    }

    /// <summary>Order-sensitive: Combine(Combine(s, a), b) differs from Combine(Combine(s, b), a).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong seed, ulong value) => Mix(seed ^ (value + Golden + (seed << 6) + (seed >> 2)));

    public static ulong Sequence(ReadOnlySpan<ulong> values, ulong seed = Golden)
    {
        var hash = seed;
        for (var i = 0; i < values.Length; i++)
            hash = Combine(hash, values[i]);
        return Combine(hash, (ulong)values.Length);
    }

    public static int PopCount(ulong value)
    {
        value -= (value >> 1) & 0x5555555555555555UL;
        value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
        value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
        return (int)((value * 0x0101010101010101UL) >> 56);
    }
}
