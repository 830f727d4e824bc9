using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Exact and renamed clones of runs of consecutive sibling statements (blocks, Dockerfile instructions) anywhere in
/// the tree: duplicated code that is not a whole function, class or stage. Statements are compared by their renamed
/// hash. Seeds are windows of consecutive statements holding at least MinTokens tokens, grouped by the hash of their
/// statement hashes; each pair of equal seeds in different bodies that cannot be extended to the left (the statements
/// before differ) is extended to the right while the statements agree, so a shared run is found once, from its start.
/// Runs overlapping themselves in one body are cut where the second copy starts. Each run must hold MinTokens
/// non-boilerplate tokens and MinLines lines on both sides; pairs are grouped transitively into classes. Statements
/// inside the non-canonical members of exact and renamed classes take no part (they are copies already reported).
/// Near (Type-3) runs are not searched: near clones are found at file, function, class and stage scope.
/// </summary>
internal static class StatementRunFinder
{
    private const int MaxGroupPairs = 64;

    public static List<CloneClassDraft> Find(
        IReadOnlyList<FileFingerprint> files,
        IReadOnlyList<List<StatementElement>> elementsPerFile,
        IReadOnlyList<List<(int Start, int End)>> excluded,
        CloneOptions options,
        CancellationToken cancellationToken)
    {
        var elements = new List<StatementElement>();
        var fileOf = new List<int>();
        var segments = new List<int>();
        var segment = 0;
        for (var f = 0; f < files.Count; f++)
        {
            var previousSegment = -1;
            foreach (var element in elementsPerFile[f])
            {
                var isExcluded = excluded[f].Any(r => element.TokenStart >= r.Start && element.TokenEnd <= r.End);
                if (isExcluded)
                {
                    previousSegment = -1;
                    continue;
                }

                if (element.Segment != previousSegment)
                    segment++;
                previousSegment = element.Segment;
                elements.Add(element);
                fileOf.Add(f);
                segments.Add(segment);
            }
        }

        var count = elements.Count;
        var renamed = new ulong[count];
        for (var i = 0; i < count; i++)
            renamed[i] = StableHash.Combine((ulong)files[fileOf[i]].File.Language, elements[i].Renamed);

        var seeds = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < count; i++)
        {
            var tokens = 0;
            var j = i;
            while (j < count && segments[j] == segments[i] && tokens < options.MinTokens)
                tokens += elements[j++].Tokens;
            if (tokens < options.MinTokens)
                continue;
            var key = StableHash.Sequence(renamed.AsSpan(i, j - i));
            if (!seeds.TryGetValue(key, out var list))
                seeds[key] = list = [];
            list.Add(i);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var nodes = new Dictionary<long, int>();
        var nodeKeys = new List<(int Start, int Length)>();
        var edges = new List<(int A, int B, bool Exact)>();
        var seen = new HashSet<(int, int, int)>();
        foreach (var group in seeds.Values)
        {
            if (group.Count < 2)
                continue;
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
                    if (length == 0 || !seen.Add((p, q, length)))
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
        foreach (var (root, nodesOfClass) in components)
        {
            var exact = !renamedOnly.Contains(root);
            if (nodesOfClass.Count < 2)
                continue;
            var members = new List<DraftMember>();
            foreach (var node in nodesOfClass)
            {
                var (start, length) = nodeKeys[node];
                var first = elements[start];
                var last = elements[start + length - 1];
                var file = files[fileOf[start]];
                members.Add(new DraftMember(new CloneMember(file.File.Path, first.StartLine, last.EndLine, first.Symbol), file.Index, first.TokenStart, last.TokenEnd));
            }

            var head = nodeKeys[nodesOfClass[0]];
            var language = files[fileOf[head.Start]].File.Language;
            var kind = exact ? CloneKind.Exact : CloneKind.Renamed;
            var content = StableHash.Sequence(renamed.AsSpan(head.Start, head.Length));
            var idKey = StableHash.Combine(StableHash.Combine(StableHash.Tag("statement-run"), (ulong)kind), content);
            drafts.Add(new CloneClassDraft(CloneScope.Fragment, language, kind, 1.0, members, idKey, isRun: true));
        }

        return drafts;

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
}
