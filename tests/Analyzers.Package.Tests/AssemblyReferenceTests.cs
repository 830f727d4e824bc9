extern alias package;

using Consolidate.Analyzers.Package.CodeFixes;
using PackageAnalyzer = package::Consolidate.Analyzers.Package.ConsolidateAnalyzer;

namespace Consolidate.Analyzers.Package.Tests;

/// <summary>
/// Dependencies point one way (ARCHITECTURE.md): Cli → Rewriters → Analyzers, and the analyzer package and its code
/// fixes reference none of the three: they compile the source they share (the engine, the rewriters' planners).
/// </summary>
public sealed class AssemblyReferenceTests
{
    [Fact]
    public void The_engine_points_at_no_other_project() =>
        Assert.Empty(Ours(typeof(Consolidate.Analyzers.Catalog.RuleCatalog)));

    [Fact]
    public void The_rewriters_point_only_at_the_engine() =>
        Assert.Equal(["Consolidate.Analyzers"], Ours(typeof(Consolidate.Rewriters.TextEdit)));

    [Fact]
    public void The_package_and_its_code_fixes_point_at_no_project()
    {
        Assert.Empty(Ours(typeof(PackageAnalyzer)));
        Assert.Empty(Ours(typeof(PlannedEditCodeFix)));
    }

    private static string[] Ours(Type type) =>
        type.Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Consolidate", StringComparison.Ordinal) || n == "consolidate-analyze")
            .Order(StringComparer.Ordinal)
            .ToArray();
}
