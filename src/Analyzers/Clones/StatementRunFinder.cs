using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Exact and renamed clones of runs of consecutive sibling statements (blocks, Dockerfile instructions) anywhere in
/// the tree: duplicated code that is not a whole function, class or stage. Statements are compared by their renamed
/// hash. Seeds are windows of consecutive statements holding at least MinTokens tokens, sorted by the hash of their
/// statement hashes so equal windows are adjacent. Each pair of equal seeds in different bodies that cannot be
/// extended to the left (the statements before differ) is extended to the right while the statements agree, so a
/// shared run is found once, from its start; a group of more than 64 equal seeds pairs each with the first and the
/// next only (walking left to each run's start), which keeps a block repeated everywhere linear. Runs overlapping
/// themselves in one body are cut where the second copy starts. Each run must hold MinTokens non-boilerplate tokens
/// and MinLines lines on both sides; pairs are grouped transitively into classes (exact when every pair is). Statements
/// inside the non-canonical members of exact and renamed classes take no part (they are copies already reported).
/// Near (Type-3) runs are not searched: near clones are found at file, function, class and stage scope.
/// </summary>
internal static class StatementRunFinder
{
    private const int MaxGroupPairs = 64;

    private static bool Inside(in StatementElement element, List<(int Start, int End)> ranges)
    {
        foreach (var (start, end) in ranges)
            if (element.TokenStart >= start && element.TokenEnd <= end)
                return true;
        return false;
    }

    public static List<CloneClassDraft> Find(
        IReadOnlyList<FileFingerprint> files,
        StatementElement[]?[] elementsPerFile,
        IReadOnlyList<List<(int Start, int End)>> excluded,
        CloneOptions options,
        CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var list in elementsPerFile)
            total += list?.Length ?? 0;
        // The statements taking part, indexed in file order without copying them: element i is
        // elementsPerFile[fileOf[i]][localOf[i]] (8 bytes each instead of a second copy of every statement).
        var fileOf = new List<int>(total);
        var localOf = new List<int>(total);
        var segments = new List<int>(total);
        var segment = 0;
        for (var f = 0; f < files.Count; f++)
        {
            var previousSegment = -1;
            var ranges = excluded[f];
            var own = elementsPerFile[f] ?? [];
            for (var local = 0; local < own.Length; local++)
            {
                var element = own[local];
                if (Inside(element, ranges))
                {
                    previousSegment = -1;
                    continue;
                }

                if (element.Segment != previousSegment)
                    segment++;
                previousSegment = element.Segment;
                fileOf.Add(f);
                localOf.Add(local);
                segments.Add(segment);
            }
        }

        var elements = new ElementView(elementsPerFile, fileOf, localOf);

        var count = fileOf.Count;
        var renamed = new ulong[count];
        for (var i = 0; i < count; i++)
            renamed[i] = StableHash.Combine((ulong)files[fileOf[i]].File.Language, elements[i].Renamed);

        // Seeds: (hash of the window's statements, first statement), sorted so equal windows are adjacent.
        var seedKeys = new List<ulong>(count);
        var seedStarts = new List<int>(count);
        var windowEnd = 0;
        var windowTokens = 0;
        for (var i = 0; i < count; i++)
        {
            if (windowEnd <= i || segments[windowEnd - 1] != segments[i])
            {
                windowEnd = i;
                windowTokens = 0;
            }

            while (windowEnd < count && segments[windowEnd] == segments[i] && windowTokens < options.MinTokens)
                windowTokens += elements[windowEnd++].Tokens;
            if (windowTokens >= options.MinTokens)
            {
                seedKeys.Add(StableHash.Sequence(renamed.AsSpan(i, windowEnd - i)));
                seedStarts.Add(i);
            }

            windowTokens -= elements[i].Tokens;
        }

        var keys = seedKeys.ToArray();
        var starts = seedStarts.ToArray();
        Array.Sort(keys, starts);

        cancellationToken.ThrowIfCancellationRequested();
        var nodes = new Dictionary<long, int>();
        var nodeKeys = new List<(int Start, int Length)>();
        var edges = new List<(int A, int B, bool Exact)>();
        var seen = new HashSet<(int, int, int)>();
        var group = new List<int>();
        for (var from = 0; from < keys.Length;)
        {
            var to = from + 1;
            while (to < keys.Length && keys[to] == keys[from])
                to++;
            if (to - from >= 2)
            {
                group.Clear();
                for (var k = from; k < to; k++)
                    group.Add(starts[k]);
                group.Sort();
                PairUp(group);
            }

            from = to;
        }

        var sets = new DisjointSets(nodeKeys.Count);
        foreach (var (a, b, _) in edges)
            sets.Union(a, b);
        var components = new SortedDictionary<int, List<int>>();
        for (var n = 0; n < nodeKeys.Count; n++)
        {
            var root = sets.Find(n);
            if (!components.TryGetValue(root, out var component))
                components[root] = component = [];
            component.Add(n);
        }

        var renamedOnly = new HashSet<int>();
        foreach (var (a, _, exact) in edges)
            if (!exact)
                renamedOnly.Add(sets.Find(a));

        var drafts = new List<CloneClassDraft>();
        foreach (var component in components)
        {
            var nodesOfClass = component.Value;
            var exact = !renamedOnly.Contains(component.Key);
            if (nodesOfClass.Count < 2)
                continue;
            var members = new List<DraftMember>();
            foreach (var node in nodesOfClass)
            {
                var (start, length) = nodeKeys[node];
                var first = elements[start];
                var last = elements[start + length - 1];
                var file = files[fileOf[start]];
                if (members.Exists(m => m.File == fileOf[start] && m.TokenStart < last.TokenEnd && first.TokenStart < m.TokenEnd))
                    continue;
                members.Add(new DraftMember(new CloneMember(file.File.Path, first.StartLine, last.EndLine, first.Symbol), fileOf[start], first.TokenStart, last.TokenEnd));
            }

            if (members.Count < 2)
                continue;
            var head = nodeKeys[nodesOfClass[0]];
            var language = files[fileOf[head.Start]].File.Language;
            var kind = exact ? CloneKind.Exact : CloneKind.Renamed;
            var content = StableHash.Sequence(renamed.AsSpan(head.Start, head.Length));
            var idKey = StableHash.Combine(StableHash.Combine(StableHash.Tag("statement-run"), (ulong)kind), content);
            drafts.Add(new CloneClassDraft(CloneScope.Fragment, language, kind, 1.0, members, idKey, isRun: true));
        }

        return drafts;

        void PairUp(List<int> group)
        {
            var all = group.Count <= MaxGroupPairs;
            for (var x = 0; x < group.Count; x++)
            {
                var last = all || x == 0 ? group.Count : Math.Min(group.Count, x + 2);
                for (var y = x + 1; y < last; y++)
                {
                    var (p, q) = (group[x], group[y]);
                    if (segments[p] != segments[q] && LeftExtendable(p, q))
                    {
                        // Every pair of a small group is visited, so the pair one statement to the left is too.
                        if (all)
                            continue;
                        while (segments[p] != segments[q] && LeftExtendable(p, q))
                            (p, q) = (p - 1, q - 1);
                    }

                    var length = Extend(p, q);
                    if (length == 0 || Overlap(p, q, length) || !seen.Add((p, q, length)))
                        continue;
                    if (!LargeEnough(p, length) || !LargeEnough(q, length))
                        continue;
                    var exact = true;
                    for (var t = 0; t < length && exact; t++)
                        exact = elements[p + t].Exact == elements[q + t].Exact;
                    edges.Add((Node(p, length), Node(q, length), exact));
                }
            }
        }

        // Nested sequences of one file (a block and the statements inside it) can hold the same tokens: such a pair is
        // the code and itself, never a clone.
        bool Overlap(int p, int q, int length) =>
            fileOf[p] == fileOf[q]
            && elements[p].TokenStart < elements[q + length - 1].TokenEnd
            && elements[q].TokenStart < elements[p + length - 1].TokenEnd;

        bool LeftExtendable(int p, int q) =>
            p > 0 && q > 0 && segments[p - 1] == segments[p] && segments[q - 1] == segments[q] && renamed[p - 1] == renamed[q - 1];

        int Extend(int p, int q)
        {
            var length = 0;
            while (q + length < count
                && segments[p + length] == segments[p]
                && segments[q + length] == segments[q]
                && renamed[p + length] == renamed[q + length]
                && (segments[p] != segments[q] || p + length < q))
                length++;
            return length;
        }

        bool LargeEnough(int start, int length)
        {
            var tokens = 0;
            var lines = 0;
            var lastLine = 0;
            for (var i = start; i < start + length; i++)
            {
                var element = elements[i];
                tokens += element.CodeTokens;
                lines += element.CodeLines;
                if (element.CodeLines > 0 && lastLine != 0 && element.FirstCodeLine == lastLine)
                    lines--;
                if (element.CodeLines > 0)
                    lastLine = element.LastCodeLine;
            }

            return tokens >= options.MinTokens && lines >= options.MinLines;
        }

        int Node(int start, int length)
        {
            var key = ((long)start << 24) | (uint)length;
            if (!nodes.TryGetValue(key, out var id))
            {
                id = nodeKeys.Count;
                nodes[key] = id;
                nodeKeys.Add((start, length));
            }

            return id;
        }
    }

    /// <summary>The statements of all files as one list, read in place.</summary>
    private readonly struct ElementView(StatementElement[]?[] perFile, List<int> fileOf, List<int> localOf)
    {
        public StatementElement this[int index] => perFile[fileOf[index]]![localOf[index]];
    }
}
