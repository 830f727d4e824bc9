using System.Collections.Immutable;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;
using Consolidate.Rewriters.Patches;

namespace Consolidate.Rewriters.Tests.Support;

/// <summary>Scans a folder and builds its patch set in-process, as <c>fix</c> does, with a fixed repository name so outputs are byte-stable.</summary>
internal static class FixRunner
{
    public static (AnalysisResult Scan, PatchSet Set) Run(string root, bool includeUnsafe = false, params string[] only)
    {
        var (config, errors) = ConfigFiles.LoadConfig(root, null);
        Assert.True(config is not null, string.Join("; ", errors));
        using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 1 });
        var analyzer = new RepositoryAnalyzer(config!, frontends, new ScanOptions { Excludes = config!.Exclude, MaxFileBytes = config.MaxFileBytes });
        var scan = analyzer.Analyze(root, null, CancellationToken.None);
        var set = PatchSetBuilder.Build(root, scan, analyzer, new FixOptions(only.ToImmutableArray(), includeUnsafe, "input"), CancellationToken.None);
        return (scan, set);
    }

    public static AnalysisResult Scan(string root)
    {
        var (config, _) = ConfigFiles.LoadConfig(root, null);
        using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 1 });
        return new RepositoryAnalyzer(config!, frontends, new ScanOptions { Excludes = config!.Exclude }).Analyze(root, null, CancellationToken.None);
    }
}
