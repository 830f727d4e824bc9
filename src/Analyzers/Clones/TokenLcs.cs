namespace Consolidate.Analyzers.Clones;

/// <summary>
/// The near-clone similarity: <c>2·LCS(a, b) / (|a| + |b|)</c> over normalized token hashes, where LCS is the length
/// of the longest common subsequence. The LCS is computed exactly with the bit-parallel algorithm of Crochemore et al.
/// (2001) / Hyyrö (2004): <c>V' = (V + (V &amp; M[c])) | (V &amp; ~M[c])</c>, O(|a|·|b|/64) word operations.
/// </summary>
internal static class TokenLcs
{
    public static double Dice(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length + b.Length == 0)
            return 1.0;
        return 2.0 * Length(a, b) / (a.Length + b.Length);
    }

    /// <summary>The best Dice two sequences of these lengths could reach (when the shorter is a subsequence of the longer).</summary>
    public static double DiceBound(int lengthA, int lengthB) =>
        lengthA + lengthB == 0 ? 1.0 : 2.0 * Math.Min(lengthA, lengthB) / (lengthA + lengthB);

    public static int Length(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length > b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        var m = a.Length;
        if (m == 0)
            return 0;
        var words = (m + 63) >> 6;
        var rows = new Dictionary<ulong, int>();
        var masks = new List<ulong>();
        for (var i = 0; i < m; i++)
        {
            if (!rows.TryGetValue(a[i], out var row))
            {
                row = rows.Count;
                rows[a[i]] = row;
                for (var w = 0; w < words; w++)
                    masks.Add(0);
            }

            masks[row * words + (i >> 6)] |= 1UL << (i & 63);
        }

        var maskArray = masks.ToArray();
        var v = new ulong[words];
        for (var w = 0; w < words; w++)
            v[w] = ulong.MaxValue;

        foreach (var symbol in b)
        {
            if (!rows.TryGetValue(symbol, out var row))
                continue;
            var offset = row * words;
            ulong carry = 0;
            for (var w = 0; w < words; w++)
            {
                var vw = v[w];
                var mw = maskArray[offset + w];
                var u = vw & mw;
                var sum = vw + u;
                var carryOut = sum < vw ? 1UL : 0UL;
                var total = sum + carry;
                if (total < sum)
                    carryOut = 1;
                carry = carryOut;
                v[w] = total | (vw & ~mw);
            }
        }

        var ones = 0;
        for (var w = 0; w < words; w++)
        {
            var word = v[w];
            if (w == words - 1 && (m & 63) != 0)
                word &= (1UL << (m & 63)) - 1;
            ones += StableHash.PopCount(word);
        }

        return m - ones;
    }
}
