using System.Collections.Immutable;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Validation;

/// <summary>
/// The checks that compare a scan before a change with the scan after it, shared by <c>fix</c> (on its scratch copy,
/// <see cref="ScratchValidator"/>) and <c>apply</c> (on the repository itself): no touched file parses worse, no
/// reference newly dangles, the families' own findings do not grow.
/// </summary>
public static class TreeChecks
{
    public static Check Parse(AnalysisResult before, AnalysisResult after, IReadOnlyCollection<string> touched, IReadOnlyCollection<string> created)
    {
        var worse = new List<string>();
        foreach (var path in touched)
        {
            var old = before.Model.File(path);
            var now = after.Model.File(path);
            if (now is null)
                continue;
            var oldRank = created.Contains(path) || old is null ? Rank(ParseStatus.Ok) : Rank(old.Status);
            if (Rank(now.Status) > oldRank)
                worse.Add($"{path}: {Name(old?.Status)} -> {Name(now.Status)} ({now.Reason})");
        }

        var parsed = touched.Select(after.Model.File).OfType<FileModel>().ToList();
        var detail = worse.Count == 0
            ? $"{parsed.Count} touched file(s) re-parsed, none worse ({Describe(parsed)})"
            : "parses worse after the change: " + string.Join("; ", worse);
        return new Check("parse", worse.Count == 0, detail);
    }

    public static Check References(AnalysisResult before, AnalysisResult after)
    {
        var old = Dangling(before).ToHashSet();
        var added = Dangling(after).Where(d => !old.Contains(d)).Distinct().ToList();
        return added.Count == 0
            ? new Check("references", true, $"{after.Model.References.References.Length} reference(s) resolved again, no new dangling reference ({Dangling(before).Count()} before, {Dangling(after).Count()} after)")
            : new Check("references", false, "new dangling reference(s): " + string.Join("; ", added.Take(10).Select(d => $"{d.Source} -> {d.Target} ({d.Kind})")));
    }

    public static Check Findings(AnalysisResult before, AnalysisResult after, ImmutableArray<string> ruleIds)
    {
        var b = RepositoryMetrics.Of(before);
        var a = RepositoryMetrics.Of(after);
        var parts = ruleIds.Select(id => $"{id} {b.Of(id)} -> {a.Of(id)}");
        var passed = ruleIds.Sum(a.Of) <= ruleIds.Sum(b.Of);
        return new Check("findings", passed, string.Join(", ", parts) + $"; all findings {b.Findings} -> {a.Findings}");
    }

    private static IEnumerable<(string Source, string Target, string Kind)> Dangling(AnalysisResult result) =>
        result.Model.References.References.Where(r => r.IsDangling).Select(r => (r.Source, r.Target, r.Kind.ToString()));

    private static int Rank(ParseStatus status) => status switch
    {
        ParseStatus.Ok => 0,
        ParseStatus.Recovered => 1,
        ParseStatus.Failed => 2,
        _ => 3,
    };

    private static string Name(ParseStatus? status) => status?.ToString().ToLowerInvariant() ?? "new";

    private static string Describe(List<FileModel> files) => string.Join(", ", files
        .GroupBy(f => (f.Language, f.Status))
        .OrderBy(g => g.Key.Language.ToString(), StringComparer.Ordinal).ThenBy(g => g.Key.Status)
        .Select(g => $"{g.Count()} {g.Key.Language.ToString().ToLowerInvariant()} {g.Key.Status.ToString().ToLowerInvariant()}"));
}
