using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Package.Tests.Support;
using Consolidate.Analyzers.Scanning;
using Xunit.Abstractions;

namespace Consolidate.Analyzers.Package.Tests;

/// <summary>The analyzer package on samples/ reports what the CLI reports: the same ids, paths, lines and messages.</summary>
public sealed class SamplesParityTests(ITestOutputHelper output)
{
    private static readonly string Root = Path.Combine(PackageHarness.RepoRoot, "samples");

    private static readonly Lazy<List<string>> Cli = new(() =>
    {
        var (config, _) = ConfigFiles.LoadConfig(Root, null);
        using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 2 });
        return new RepositoryAnalyzer(config!, frontends, new ScanOptions { Excludes = config!.Exclude }).Analyze(Root, null, CancellationToken.None)
            .Reported
            .Select(d => $"{d.Path}:{d.Line}: {d.Severity.ToString().ToLowerInvariant()} {d.Rule.Id}: {d.Message}")
            .ToList();
    });

    [Fact]
    public void Package_findings_on_samples_match_the_cli() => AssertParity(PackageHarness.FilesUnder(Root));

    /// <summary>
    /// With the buildTransitive defaults the analyzer reads only the files ConsolidateInclude names; every other file
    /// is a name in the path list the build writes, which is enough for references to resolve.
    /// </summary>
    [Fact]
    public void Default_globs_with_the_path_list_give_the_same_findings()
    {
        var all = PackageHarness.FilesUnder(Root).ToList();
        var read = all.Where(f => IsDefaultInclude(f.RelativePath)).ToList();
        Assert.True(read.Count < all.Count, "samples/ should have files the default globs leave to the path list");
        var list = ("obj/" + "consolidate-analyze.paths", string.Join("\n", all.Select(f => f.RelativePath)) + "\n");
        AssertParity(read.Append(list));
    }

    /// <summary>The default ConsolidateInclude (buildTransitive/Consolidate.Analyzers.Package.targets), as a predicate.</summary>
    private static bool IsDefaultInclude(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        string[] suffixes = [".py", ".pyw", ".sh", ".bash", ".dockerfile", ".Dockerfile", ".containerfile", ".Containerfile", ".mk", ".cron", ".crontab", ".service"];
        return suffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal))
            || name is "Dockerfile" or "dockerfile" or "Containerfile" or "Makefile" or "makefile" or "GNUmakefile" or "crontab" or ".dockerignore" or ".gitignore"
            || name.StartsWith("Dockerfile.", StringComparison.Ordinal) || name.StartsWith("dockerfile.", StringComparison.Ordinal)
            || name.StartsWith("Containerfile.", StringComparison.Ordinal)
            || (name.StartsWith("docker-compose", StringComparison.Ordinal) || name.StartsWith("compose", StringComparison.Ordinal))
                && (name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal))
            || path.StartsWith(".github/workflows/", StringComparison.Ordinal) && !path[".github/workflows/".Length..].Contains('/')
                && (name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal))
            || path.Contains("cron.d/", StringComparison.Ordinal)
            || path is "consolidate.yml" or "consolidate.yaml"
            || !name.Contains('.');
    }

    private void AssertParity(IEnumerable<(string RelativePath, string Text)> files)
    {
        var root = Root;
        var cli = Cli.Value;
        var diagnostics = PackageHarness.Run(root, files);
        foreach (var unplaced in diagnostics.Where(d => d.Location.GetLineSpan().Path is null))
            output.WriteLine("no location:  " + unplaced);
        Assert.DoesNotContain(diagnostics, d => d.Location.GetLineSpan().Path is null);
        var package = diagnostics
            .Select(d => $"{Path.GetRelativePath(root, d.Location.GetLineSpan().Path).Replace('\\', '/')}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {Word(d.Severity)} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();

        foreach (var line in cli.Except(package))
            output.WriteLine("cli only:     " + line);
        foreach (var line in package.Except(cli))
            output.WriteLine("package only: " + line);
        Assert.Equal(cli.Order(StringComparer.Ordinal), package.Order(StringComparer.Ordinal));
    }

    private static string Word(Microsoft.CodeAnalysis.DiagnosticSeverity severity) => severity switch
    {
        Microsoft.CodeAnalysis.DiagnosticSeverity.Error => "error",
        Microsoft.CodeAnalysis.DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
