using System.Collections.Immutable;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Engine;

/// <summary>What a scan found: the model (files, clusters), the findings (suppressed ones included, marked) and configuration errors found on the way (.editorconfig).</summary>
public sealed record AnalysisResult(string Root, RepositoryModel Model, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<ConfigError> ConfigErrors)
{
    public IEnumerable<Diagnostic> Reported => Diagnostics.Where(d => d.Suppressed is null);

    /// <summary>What the parse cache did in this scan; null when the scan ran without one.</summary>
    public CacheStatistics? Cache { get; init; }
}
