using System.Collections.Immutable;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Picks the copy to keep: a member under a configured canonical folder first, then (once references exist) the most
/// referenced copy, then the shortest path, then the first path in ordinal order. Returns the index and the reason.
/// </summary>
public static class CanonicalChooser
{
    public static (int Index, string Reason) Choose(
        ImmutableArray<CloneMember> members,
        ImmutableArray<string> canonicalFolders,
        Func<string, int>? referenceCount = null)
    {
        for (var f = 0; f < canonicalFolders.Length; f++)
        {
            var folder = canonicalFolders[f].TrimEnd('/') + "/";
            var index = Enumerable.Range(0, members.Length).FirstOrDefault(i => members[i].Path.StartsWith(folder, StringComparison.Ordinal), -1);
            if (index >= 0)
                return (index, $"under the configured canonical folder '{canonicalFolders[f]}'");
        }

        var order = Enumerable.Range(0, members.Length).ToArray();
        if (referenceCount is not null)
        {
            var counts = members.Select(m => referenceCount(m.Path)).ToArray();
            var max = counts.Max();
            if (max > 0 && counts.Count(c => c == max) == 1)
            {
                var index = Array.IndexOf(counts, max);
                return (index, $"the most referenced copy ({max} reference{(max == 1 ? "" : "s")})");
            }
        }

        var best = order
            .OrderBy(i => members[i].Path.Count(c => c == '/'))
            .ThenBy(i => members[i].Path.Length)
            .ThenBy(i => members[i].Path, StringComparer.Ordinal)
            .First();
        return (best, "the shortest path (fewest folders, then fewest characters)");
    }
}
