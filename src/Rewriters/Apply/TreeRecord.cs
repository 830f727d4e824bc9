using System.Collections.Immutable;
using Consolidate.Analyzers.Engine;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// What the scan said before an apply, kept in the checkpoint so the apply can be judged afterwards: the parse status of
/// every touched file (<c>ok</c>, <c>recovered</c>, <c>failed</c>, ...) and every dangling reference.
/// </summary>
public sealed record TreeRecord(ImmutableSortedDictionary<string, string> Parse, ImmutableArray<RecordedReference> Dangling)
{
    public static TreeRecord Of(AnalysisResult scan, IEnumerable<string> touched)
    {
        var parse = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var path in touched)
        {
            if (scan.Model.File(path) is { } file)
                parse[path] = file.Status.ToString().ToLowerInvariant();
        }

        var dangling = scan.Model.References.References.Where(r => r.IsDangling)
            .Select(r => new RecordedReference(r.Source, r.Target, r.Kind.ToString()))
            .Distinct()
            .OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Target, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal)
            .ToImmutableArray();
        return new TreeRecord(parse.ToImmutable(), dangling);
    }

    /// <summary>Null when <paramref name="after"/> is no worse than this record, else what got worse.</summary>
    public string? Regressions(TreeRecord after, IReadOnlySet<string> created)
    {
        var problems = new List<string>();
        foreach (var (path, status) in after.Parse)
        {
            var before = Parse.TryGetValue(path, out var b) ? b : created.Contains(path) ? "ok" : null;
            if (before is not null && Rank(status) > Rank(before))
                problems.Add($"{path} parses worse: {before} -> {status}");
        }

        var old = Dangling.ToHashSet();
        var added = after.Dangling.Where(d => !old.Contains(d)).ToList();
        problems.AddRange(added.Take(10).Select(d => $"new dangling reference {d.Source} -> {d.Target} ({d.Kind})"));
        if (added.Count > 10)
            problems.Add($"and {added.Count - 10} more new dangling reference(s)");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static int Rank(string status) => status switch
    {
        "ok" => 0,
        "recovered" => 1,
        "failed" => 2,
        _ => 3,
    };
}
