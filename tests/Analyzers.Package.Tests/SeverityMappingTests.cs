using System.Collections.Immutable;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Package.Tests.Support;
using Microsoft.CodeAnalysis;
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Consolidate.Analyzers.Package.Tests;

/// <summary>
/// Severities in the package come from the options Roslyn merges per additional file (our consolidate_diagnostic keys,
/// the category and all-rules keys) and from .globalconfig's dotnet_diagnostic entries, resolved as the CLI resolves them.
/// </summary>
public sealed class SeverityMappingTests
{
    private const string Root = "/repo";

    private static readonly (string, string)[] Files =
    [
        ("Dockerfile", "FROM python:3.12\nRUN pip install flask\n"),
        ("scripts/run.sh", "#!/bin/bash\n./scripts/missing.sh\n"),
        ("tools/other.sh", "#!/bin/bash\n./tools/gone.sh\n"),
    ];

    [Fact]
    public void Defaults_are_the_catalog_defaults()
    {
        var found = Run();
        Assert.Equal(RoslynSeverity.Warning, Single(found, "CONS101", "Dockerfile").Severity);
        Assert.Equal(RoslynSeverity.Warning, Single(found, "CONS301", "scripts/run.sh").Severity);
        Assert.DoesNotContain(found, d => d.Id == "CONS601");
    }

    [Fact]
    public void Our_id_key_in_a_section_sets_the_severity_of_that_file_only()
    {
        var found = Run(perFile: path => path == "scripts/run.sh" ? Keys(("consolidate_diagnostic.CONS301.severity", "error")) : Keys());
        Assert.Equal(RoslynSeverity.Error, Single(found, "CONS301", "scripts/run.sh").Severity);
        Assert.Equal(RoslynSeverity.Warning, Single(found, "CONS301", "tools/other.sh").Severity);
    }

    [Fact]
    public void Category_key_none_drops_the_findings_of_that_file()
    {
        var found = Run(perFile: path => path == "Dockerfile" ? Keys(("dotnet_analyzer_diagnostic.category-containers.severity", "none")) : Keys());
        Assert.DoesNotContain(found, d => d.Id == "CONS101");
        Assert.Equal(2, found.Count(d => d.Id == "CONS301"));
    }

    [Fact]
    public void A_rule_off_by_default_is_reported_once_our_key_turns_it_on()
    {
        var found = Run(perFile: _ => Keys(("consolidate_diagnostic.severity", "warning")));
        Assert.Equal(RoslynSeverity.Warning, Single(found, "CONS601", "scripts/run.sh").Severity);
    }

    [Fact]
    public void Globalconfig_id_entries_apply_to_every_file()
    {
        var found = Run(globalDiagnostics: ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CONS301", ReportDiagnostic.Error));
        Assert.All(found.Where(d => d.Id == "CONS301"), d => Assert.Equal(RoslynSeverity.Error, d.Severity));
        Assert.Equal(2, found.Count(d => d.Id == "CONS301"));
    }

    [Fact]
    public void Id_key_beats_category_key_as_in_the_cli()
    {
        (string, string)[] keys = [("consolidate_diagnostic.CONS301.severity", "error"), ("dotnet_analyzer_diagnostic.category-references.severity", "none")];
        var found = Run(perFile: _ => Keys(keys));
        Assert.All(found.Where(d => d.Id == "CONS301"), d => Assert.Equal(RoslynSeverity.Error, d.Severity));

        // The CLI reads the same keys from an .editorconfig section the same way.
        var editorConfig = EditorConfigFile.Parse(".editorconfig", "root = true\n[*.sh]\n" + string.Join("\n", keys.Select(k => $"{k.Item1} = {k.Item2}")) + "\n");
        var cli = new SeverityPolicy(Root, [(Root, editorConfig)]);
        Assert.Equal(Severity.Error, cli.SeverityFor(RuleCatalog.DanglingReference, "scripts/run.sh"));
        Assert.Equal(Severity.Warning, cli.SeverityFor(RuleCatalog.DanglingReference, "Dockerfile"));
    }

    private static ImmutableArray<Diagnostic> Run(
        Func<string, ImmutableDictionary<string, string>>? perFile = null,
        ImmutableDictionary<string, ReportDiagnostic>? globalDiagnostics = null) =>
        PackageHarness.Run(Root, Files, perFile: perFile, globalDiagnostics: globalDiagnostics);

    private static Diagnostic Single(ImmutableArray<Diagnostic> found, string id, string path) =>
        Assert.Single(found, d => d.Id == id && d.Location.GetLineSpan().Path == Root + "/" + path);

    private static ImmutableDictionary<string, string> Keys(params (string Key, string Value)[] keys) =>
        keys.ToImmutableDictionary(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase);
}
