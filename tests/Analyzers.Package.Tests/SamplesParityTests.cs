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
    [Fact]
    public void Package_findings_on_samples_match_the_cli()
    {
        var root = Path.Combine(PackageHarness.RepoRoot, "samples");
        var (config, _) = ConfigFiles.LoadConfig(root, null);
        using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 2 });
        var cli = new RepositoryAnalyzer(config!, frontends, new ScanOptions { Excludes = config!.Exclude }).Analyze(root, null, CancellationToken.None)
            .Reported
            .Select(d => $"{d.Path}:{d.Line}: {d.Severity.ToString().ToLowerInvariant()} {d.Rule.Id}: {d.Message}")
            .ToList();

        var diagnostics = PackageHarness.Run(root, PackageHarness.FilesUnder(root));
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
