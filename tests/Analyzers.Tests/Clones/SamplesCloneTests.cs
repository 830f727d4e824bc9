using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>The duplication rows (10–18) of samples/README.md, through the whole scan.</summary>
public sealed class SamplesCloneTests
{
    [Fact]
    public void The_planted_duplication_of_the_samples_is_found_and_nothing_else()
    {
        var root = Path.Combine(RepositoryRoot(), "samples");
        var (config, errors) = ConfigFiles.LoadConfig(root, null);
        Assert.Empty(errors);
        using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 2 });

        var result = new RepositoryAnalyzer(config!, frontends, new ScanOptions { Excludes = config!.Exclude }).Analyze(root, null, CancellationToken.None);

        Assert.Equal(
            [
                // 12, 13, 14: equal but for comments, renamed (tag, paths, values), near (syntax line, heredoc, USER).
                "File Near agents/coder/Dockerfile agents/coder/Dockerfile agents/planner/Dockerfile agents/reviewer/Dockerfile agents/tester/Dockerfile",
                // 10: four byte-identical entrypoints; the shortest path is kept.
                "File Exact agents/coder/start.sh agents/coder/start.sh agents/planner/start.sh agents/reviewer/start.sh agents/tester/start.sh",
                // 18: the near-clone module.
                "File Near agents/core/base_agent.py agents/core/base_agent.py backend/app/agents/core/base_agent.py",
                // 11: the copy cron runs is kept.
                "File Exact scripts/health_check.sh agents/tester/health_check.sh scripts/health_check.sh",
                // 15: a renamed pair of files (their functions are reported through it, not again as fragments).
                "File Renamed scripts/backup.sh scripts/backup.sh scripts/maintenance/backup_db.sh",
                // 16: main() in four agents.
                "Fragment Renamed agents/planner/app.py agents/coder/app.py agents/planner/app.py agents/reviewer/app.py agents/tester/app.py",
            ],
            result.Model.Clusters.Select(c => $"{c.Scope} {c.Kind} {c.CanonicalMember.Path} {string.Join(" ", c.Members.Select(m => m.Path))}"));
        Assert.All(result.Model.Clusters, c => Assert.DoesNotContain(c.Members, m => m.Path.StartsWith("archive/", StringComparison.Ordinal) || m.Path.StartsWith("bad-input/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Line_keys_worked_out_at_parse_time_are_the_fingerprints_and_change_no_clone_class()
    {
        var root = Path.Combine(RepositoryRoot(), "samples");
        var (config, _) = ConfigFiles.LoadConfig(root, null);
        using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 2 });
        var result = new RepositoryAnalyzer(config!, frontends, new ScanOptions { Excludes = config!.Exclude }).Analyze(root, null, CancellationToken.None);
        var files = result.Model.Files;

        var withKeys = files.Where(f => f.Parsed is { CloneLineKeys.IsDefault: false }).ToList();
        Assert.Contains(withKeys, f => f.Language == Model.Language.Python);
        Assert.Contains(withKeys, f => f.Language == Model.Language.Shell);
        Assert.Contains(withKeys, f => f.Language == Model.Language.Dockerfile);
        Assert.All(withKeys, f => Assert.Equal(FileFingerprint.Read(f, 0)!.LineKeys, f.Parsed!.CloneLineKeys));
        Assert.All(files.Where(f => f.Parsed is { CloneLineKeys.IsDefault: true }), f => Assert.Null(FileFingerprint.Read(f, 0)));

        var withoutKeys = files.Select(f => f.Parsed is null ? f : f with { Parsed = f.Parsed with { CloneLineKeys = default } }).ToList();
        var options = CloneOptions.Default with { CanonicalFolders = config.Canonical };
        Assert.Equal(
            Describe(CloneIndex.Build(files, options, result.Model.References.CountInto, CancellationToken.None)),
            Describe(CloneIndex.Build(withoutKeys, options, result.Model.References.CountInto, CancellationToken.None)));
        Assert.Equal(Describe(result.Model.Clusters), Describe(CloneIndex.Build(withoutKeys, options, result.Model.References.CountInto, CancellationToken.None)));
    }

    private static IEnumerable<string> Describe(IEnumerable<CloneCluster> clusters) =>
        clusters.Select(c => $"{c.Id} {c.Kind} {c.Similarity} {string.Join(" ", c.Members.Select(m => $"{m.Path}:{m.StartLine}-{m.EndLine}"))}");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Analyzers.sln not found");
    }
}
