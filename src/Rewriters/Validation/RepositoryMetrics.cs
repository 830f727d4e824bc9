using System.Collections.Immutable;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Validation;

/// <summary>Counts recorded before and after a patch set (manifest <c>metrics</c>): what the change does to the repository's sprawl.</summary>
public sealed record RepositoryMetrics(
    int Files,
    int Dockerfiles,
    int Scripts,
    int Clusters,
    int Findings,
    int DanglingReferences,
    ImmutableSortedDictionary<string, int> FindingsByRule)
{
    public static RepositoryMetrics Of(AnalysisResult result)
    {
        var files = result.Model.Files.Where(f => f.Status != ParseStatus.Skipped).ToList();
        var reported = result.Reported.ToList();
        return new RepositoryMetrics(
            files.Count,
            files.Count(f => f.Language == Language.Dockerfile),
            files.Count(f => f.Language is Language.Shell or Language.Python),
            result.Model.Clusters.Length,
            reported.Count,
            result.Model.References.References.Count(r => r.IsDangling),
            reported.GroupBy(d => d.Rule.Id, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
    }

    public int Of(string ruleId) => FindingsByRule.GetValueOrDefault(ruleId);
}
