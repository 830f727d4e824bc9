using System.Collections.Immutable;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.Engine;

/// <summary>
/// The scan pipeline: walk and read, then <see cref="ModelPipeline"/>: parse each file with its frontend (in parallel,
/// bounded by cores), build the clone classes, run every rule, then resolve severities and suppressions once.
/// </summary>
public sealed class RepositoryAnalyzer
{
    private readonly ConsolidateConfig config;
    private readonly FrontendSet frontends;
    private readonly ScanOptions scanOptions;
    private readonly ImmutableHashSet<string> baseline;

    public RepositoryAnalyzer(ConsolidateConfig config, FrontendSet frontends, ScanOptions scanOptions, ImmutableHashSet<string>? baseline = null)
    {
        this.config = config;
        this.frontends = frontends;
        this.scanOptions = scanOptions;
        this.baseline = baseline ?? ImmutableHashSet<string>.Empty;
    }

    public AnalysisResult Analyze(string root, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report("walking");
        var scanned = new RepositoryScanner(scanOptions).Scan(root, cancellationToken);

        var configPaths = scanned
            .Where(f => f.Path[(f.Path.LastIndexOf('/') + 1)..] is ".editorconfig" or ".globalconfig")
            .Select(f => f.Path);
        var (editorConfigs, configErrors) = ConfigFiles.LoadEditorConfigs(root, configPaths);
        var severities = new SeverityPolicy(Path.GetFullPath(root), editorConfigs, baseline);

        return ModelPipeline.Run(
            root, scanned, config, frontends, severities, configErrors, Environment.ProcessorCount, progress, cancellationToken);
    }
}
