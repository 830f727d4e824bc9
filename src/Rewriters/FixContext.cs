using System.Collections.Immutable;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters;

/// <summary>
/// What a rewriter sees: the scanned model (files, references, clusters, configuration) and the findings that stand
/// (suppressed ones removed), so a fix never touches what the user suppressed. <see cref="Disk"/> holds the raw-byte
/// hashes and modes of the files the back end read for the families that need them (empty when nothing was read).
/// </summary>
public sealed record FixContext(RepositoryModel Model, ImmutableArray<Diagnostic> Findings)
{
    public ConsolidateConfig Config => Model.Config;

    public ImmutableDictionary<string, DiskFile> Disk { get; init; } = ImmutableDictionary<string, DiskFile>.Empty;

    public static FixContext From(AnalysisResult result) => new(result.Model, result.Reported.ToImmutableArray());

    public IEnumerable<Diagnostic> FindingsOf(params string[] ruleIds) => Findings.Where(d => ruleIds.Contains(d.Rule.Id, StringComparer.Ordinal));
}
