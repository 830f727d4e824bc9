namespace Consolidate.Analyzers.Clones;

/// <summary>
/// The near-clone similarity: <c>sim(a, b) = 2·(T − I) / (|a| + |b|)</c> over two normalized token sequences.
/// <para>T is the number of tokens of a covered by a greedy string tiling (Wise 1993, as in JPlag) with minimum match
/// length <see cref="MinimumMatch"/>: tiles are common substrings taken longest first (ties by position in a, then
/// b), never overlapping earlier tiles, down to <see cref="MinimumMatch"/> tokens. Candidate matches are the maximal
/// common substrings seeded by a common 5-gram: every pair of its occurrences when it occurs at most
/// <see cref="MaxSeedOccurrences"/> times in each sequence, else (repetitive code) only occurrences of about the same
/// rank (the i-th in a with the i·n/m-th in b, ±1), which keeps the work linear and still aligns repeated blocks of
/// two copies; a match that overlaps earlier tiles is split into its free pieces, which compete again by length.</para>
/// <para>I counts the identifier tokens inside tiles whose pairing (name in a, name in b) disagrees with the
/// one-to-one renaming that pairs the most aligned identifiers (greedy, most frequent pair first): a copy keeps its
/// names or renames them consistently, while unrelated code of the same shape pairs names at random.</para>
/// <para>So short coincidental matches and same-shaped code score low, while a copy with statements inserted,
/// deleted or changed keeps most of its tokens; moved statements still count. Before tiling, a bound (tokens of each
/// sequence covered by 5-grams the other contains) rejects pairs that cannot reach the caller's threshold.</para>
/// </summary>
internal static class TokenTiling
{
    public const int MinimumMatch = 5;

    public const int MaxSeedOccurrences = 8;

    /// <summary>The 5-gram keys of a sequence by position (what <see cref="FileFingerprint.Grams"/> holds per file).</summary>
    public static ulong[] Grams(ReadOnlySpan<ulong> tokens)
    {
        var keys = new ulong[Math.Max(0, tokens.Length - MinimumMatch + 1)];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = StableHash.Sequence(tokens.Slice(i, MinimumMatch));
        return keys;
    }

    /// <summary>The best similarity two sequences of these lengths could reach (the shorter wholly covered).</summary>
    public static double Bound(int lengthA, int lengthB) =>
        lengthA + lengthB == 0 ? 1.0 : 2.0 * Math.Min(lengthA, lengthB) / (lengthA + lengthB);

    public static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> namesA, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> namesB, ulong identifier) =>
        Similarity(new Sequence(a, namesA, new SortedGrams(Grams(a))), new Sequence(b, namesB, new SortedGrams(Grams(b))), identifier, 0, new Scratch());

    /// <param name="a">The first sequence: normalized tokens, their exact hashes (names) and 5-gram keys.</param>
    /// <param name="b">The second sequence.</param>
    /// <param name="identifier">The normalized hash identifiers share.</param>
    /// <param name="threshold">When the similarity cannot reach it (by the 5-gram coverage bound), that bound, which
    /// is below the threshold, is returned without tiling; 0 always tiles.</param>
    /// <param name="scratch">Buffers reused from one call to the next by one thread.</param>
    public static double Similarity(Sequence a, Sequence b, ulong identifier, double threshold, Scratch scratch)
    {
        var total = a.Tokens.Length + b.Tokens.Length;
        if (total == 0)
            return 1.0;
        if (a.Tokens.Length < MinimumMatch || b.Tokens.Length < MinimumMatch)
            return 0;

        var (coverageA, coverageB) = scratch.Index(a.Grams, b.Grams);
        if (threshold > 0 && 2.0 * Math.Min(coverageA, coverageB) / total < threshold)
            return 2.0 * Math.Min(coverageA, coverageB) / total;

        var tiles = Tile(a.Tokens, b.Tokens, b.Grams, scratch);
        var covered = 0;
        foreach (var tile in tiles)
            covered += tile.Length;
        return 2.0 * (covered - Inconsistent(a, b, tiles, identifier, scratch)) / total;
    }

    /// <summary>The tiles (start in a, start in b, length) of two sequences.</summary>
    public static List<(int P, int T, int Length)> Tile(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length < MinimumMatch || b.Length < MinimumMatch)
            return [];
        var scratch = new Scratch();
        var gramsB = new SortedGrams(Grams(b));
        scratch.Index(new SortedGrams(Grams(a)), gramsB);
        return [.. Tile(a, b, gramsB, scratch)];
    }

    /// <summary>Tiles a and b after <see cref="Scratch.Index"/>; the list returned is the scratch's own.</summary>
    private static List<(int P, int T, int Length)> Tile(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, SortedGrams gramsB, Scratch scratch)
    {
        var queue = scratch.Heap;
        queue.Clear();
        MaximalMatches(a, b, gramsB, scratch, queue);
        var markedA = scratch.MarkedA(a.Length);
        var markedB = scratch.MarkedB(b.Length);
        var tiles = scratch.Tiles;
        tiles.Clear();
        while (queue.Count > 0)
        {
            var match = queue.Pop();
            var free = true;
            for (var k = 0; k < match.Length && free; k++)
                free = !markedA[match.P + k] && !markedB[match.T + k];
            if (free)
            {
                for (var k = 0; k < match.Length; k++)
                    markedA[match.P + k] = markedB[match.T + k] = true;
                tiles.Add(match);
                continue;
            }

            // Split into the pieces that are still free on both sides; each competes again by its length.
            var start = -1;
            for (var k = 0; k <= match.Length; k++)
            {
                var open = k < match.Length && !markedA[match.P + k] && !markedB[match.T + k];
                if (open && start < 0)
                    start = k;
                if (!open && start >= 0)
                {
                    if (k - start >= MinimumMatch)
                        queue.Push((match.P + start, match.T + start, k - start));
                    start = -1;
                }
            }
        }

        return tiles;
    }

    /// <summary>
    /// Every maximal common substring seeded by a common 5-gram that is not a stop-gram, found once per diagonal: a
    /// seed inside a match already found on its diagonal is skipped, and each match is extended both ways.
    /// </summary>
    private static void MaximalMatches(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, SortedGrams gramsB, Scratch index, MatchHeap matches)
    {
        var foundUntil = index.FoundUntil(a.Length + b.Length);
        var seeds = a.Length - MinimumMatch + 1;
        for (var p = 0; p < seeds; p++)
        {
            var from = index.SeedFrom[p];
            if (from < 0)
                continue;
            var to = from + index.SeedCount[p];
            if (index.SeedCount[p] > MaxSeedOccurrences || index.Occurrences[p] > MaxSeedOccurrences)
            {
                // Repetitive: only the occurrences of b whose rank matches this one's rank in a.
                var rank = (int)Math.Round((double)index.Rank[p] * index.SeedCount[p] / index.Occurrences[p]);
                (from, to) = (from + Math.Max(0, rank - 1), from + Math.Min(index.SeedCount[p], rank + 2));
            }

            for (var at = from; at < to; at++)
            {
                var t = gramsB.Positions[at];
                var diagonal = p - t + b.Length;
                if (p < foundUntil[diagonal])
                    continue;
                var end = 0;
                while (p + end < a.Length && t + end < b.Length && a[p + end] == b[t + end])
                    end++;
                if (end < MinimumMatch)
                    continue;
                var start = 0;
                while (p - start > 0 && t - start > 0 && a[p - start - 1] == b[t - start - 1])
                    start++;
                matches.Push((p - start, t - start, start + end));
                foundUntil[diagonal] = p + end;
            }
        }
    }

    /// <summary>Aligned identifier tokens left over by the one-to-one renaming that explains most of them.</summary>
    private static int Inconsistent(Sequence a, Sequence b, List<(int P, int T, int Length)> tiles, ulong identifier, Scratch scratch)
    {
        var pairs = scratch.Pairs;
        pairs.Clear();
        var aligned = 0;
        foreach (var (p, t, length) in tiles)
        {
            for (var k = 0; k < length; k++)
            {
                if (a.Tokens[p + k] != identifier)
                    continue;
                aligned++;
                var key = (a.Names[p + k], b.Names[t + k]);
                pairs[key] = pairs.TryGetValue(key, out var count) ? count + 1 : 1;
            }
        }

        if (aligned == 0)
            return 0;
        var ordered = scratch.Ordered;
        ordered.Clear();
        foreach (var pair in pairs)
            ordered.Add((pair.Key, pair.Value));
        ordered.Sort(static (x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Key.CompareTo(y.Key));
        var usedA = scratch.UsedA;
        var usedB = scratch.UsedB;
        usedA.Clear();
        usedB.Clear();
        var consistent = 0;
        foreach (var (key, count) in ordered)
        {
            if (usedA.Contains(key.A) || usedB.Contains(key.B))
                continue;
            usedA.Add(key.A);
            usedB.Add(key.B);
            consistent += count;
        }

        return aligned - consistent;
    }

    /// <summary>A sequence to compare: normalized tokens, their exact hashes and its sorted 5-gram keys.</summary>
    public readonly ref struct Sequence
    {
        public Sequence(ReadOnlySpan<ulong> tokens, ReadOnlySpan<ulong> names, SortedGrams grams)
        {
            Tokens = tokens;
            Names = names;
            Grams = grams;
        }

        public ReadOnlySpan<ulong> Tokens { get; }

        public ReadOnlySpan<ulong> Names { get; }

        public SortedGrams Grams { get; }
    }

    /// <summary>A sequence's 5-gram keys sorted, with their positions (ascending within a key); built once per sequence.</summary>
    public sealed class SortedGrams
    {
        public SortedGrams(ReadOnlySpan<ulong> grams)
        {
            Keys = grams.ToArray();
            Positions = new int[Keys.Length];
            for (var i = 0; i < Positions.Length; i++)
                Positions[i] = i;
            Array.Sort(Keys, Positions);
            for (var start = 0; start < Keys.Length;)
            {
                var end = start + 1;
                while (end < Keys.Length && Keys[end] == Keys[start])
                    end++;
                if (end - start > 1)
                    Array.Sort(Positions, start, end - start);
                start = end;
            }
        }

        public ulong[] Keys { get; }

        public int[] Positions { get; }
    }

    /// <summary>
    /// Buffers one thread reuses from pair to pair, and the index of the 5-grams two sequences share: built from the
    /// two sorted key lists by a merge, it gives how many tokens of each sequence they cover (the bound) and, for each
    /// position of a, where the positions of b holding its 5-gram are (<see cref="SeedFrom"/>, -1 when b lacks it).
    /// </summary>
    public sealed class Scratch
    {
        private bool[] commonA = [];
        private bool[] commonB = [];
        private bool[] markedA = [];
        private bool[] markedB = [];
        private int[] foundUntil = [];

        public int[] SeedFrom { get; private set; } = [];

        public int[] SeedCount { get; private set; } = [];

        public int[] Rank { get; private set; } = [];

        public int[] Occurrences { get; private set; } = [];

        internal MatchHeap Heap { get; } = new();

        internal List<(int P, int T, int Length)> Tiles { get; } = [];

        internal Dictionary<(ulong A, ulong B), int> Pairs { get; } = [];

        internal List<((ulong A, ulong B) Key, int Count)> Ordered { get; } = [];

        internal HashSet<ulong> UsedA { get; } = [];

        internal HashSet<ulong> UsedB { get; } = [];

        /// <summary>Indexes the shared 5-grams; returns the tokens of a and of b they cover.</summary>
        public (int CoverageA, int CoverageB) Index(SortedGrams gramsA, SortedGrams gramsB)
        {
            var (keysA, positionsA) = (gramsA.Keys, gramsA.Positions);
            var (keysB, positionsB) = (gramsB.Keys, gramsB.Positions);
            SeedFrom = Grow(SeedFrom, keysA.Length);
            SeedCount = Grow(SeedCount, keysA.Length);
            Rank = Grow(Rank, keysA.Length);
            Occurrences = Grow(Occurrences, keysA.Length);
            commonA = Cleared(commonA, keysA.Length);
            commonB = Cleared(commonB, keysB.Length);
            for (var i = 0; i < keysA.Length; i++)
                SeedFrom[i] = -1;
            int x = 0, y = 0;
            while (x < keysA.Length && y < keysB.Length)
            {
                if (keysA[x] < keysB[y])
                {
                    x++;
                    continue;
                }

                if (keysA[x] > keysB[y])
                {
                    y++;
                    continue;
                }

                var key = keysA[x];
                var endA = x;
                while (endA < keysA.Length && keysA[endA] == key)
                    endA++;
                var endB = y;
                while (endB < keysB.Length && keysB[endB] == key)
                    endB++;
                for (var i = x; i < endA; i++)
                {
                    var position = positionsA[i];
                    commonA[position] = true;
                    SeedFrom[position] = y;
                    SeedCount[position] = endB - y;
                    Rank[position] = i - x;
                    Occurrences[position] = endA - x;
                }

                for (var i = y; i < endB; i++)
                    commonB[positionsB[i]] = true;
                (x, y) = (endA, endB);
            }

            return (Covered(commonA, keysA.Length), Covered(commonB, keysB.Length));
        }

        public bool[] MarkedA(int length) => markedA = Cleared(markedA, length);

        public bool[] MarkedB(int length) => markedB = Cleared(markedB, length);

        public int[] FoundUntil(int length)
        {
            foundUntil = Grow(foundUntil, length);
            Array.Clear(foundUntil, 0, length);
            return foundUntil;
        }

        private static T[] Grow<T>(T[] buffer, int length) => buffer.Length >= length ? buffer : new T[Math.Max(length, buffer.Length * 2)];

        private static bool[] Cleared(bool[] buffer, int length)
        {
            buffer = Grow(buffer, length);
            Array.Clear(buffer, 0, length);
            return buffer;
        }

        private static int Covered(bool[] startsCommonGram, int length)
        {
            var covered = 0;
            var coveredUntil = 0;
            for (var p = 0; p < length; p++)
            {
                if (!startsCommonGram[p])
                    continue;
                var end = p + MinimumMatch;
                covered += end - Math.Max(p, coveredUntil);
                coveredUntil = end;
            }

            return covered;
        }
    }

    /// <summary>A binary max-heap of matches: longest first, then by position in a, then in b.</summary>
    internal sealed class MatchHeap
    {
        private readonly List<(int P, int T, int Length)> items = [];

        public int Count => items.Count;

        public void Clear() => items.Clear();

        public void Push((int P, int T, int Length) match)
        {
            items.Add(match);
            var child = items.Count - 1;
            while (child > 0)
            {
                var parent = (child - 1) / 2;
                if (!Before(items[child], items[parent]))
                    break;
                (items[child], items[parent]) = (items[parent], items[child]);
                child = parent;
            }
        }

        public (int P, int T, int Length) Pop()
        {
            var top = items[0];
            items[0] = items[^1];
            items.RemoveAt(items.Count - 1);
            var parent = 0;
            while (true)
            {
                var best = parent;
                var left = 2 * parent + 1;
                if (left < items.Count && Before(items[left], items[best]))
                    best = left;
                if (left + 1 < items.Count && Before(items[left + 1], items[best]))
                    best = left + 1;
                if (best == parent)
                    return top;
                (items[best], items[parent]) = (items[parent], items[best]);
                parent = best;
            }
        }

        private static bool Before((int P, int T, int Length) x, (int P, int T, int Length) y) =>
            x.Length != y.Length ? x.Length > y.Length : x.P != y.P ? x.P < y.P : x.T < y.T;
    }
}
