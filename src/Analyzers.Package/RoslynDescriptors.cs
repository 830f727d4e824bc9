using System.Collections.Immutable;
using Consolidate.Analyzers.Catalog;
using Microsoft.CodeAnalysis;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Consolidate.Analyzers.Package;

/// <summary>
/// The catalog's rules as Roslyn descriptors: the same id, the rule's name as title, its category, default severity
/// and help link. A rule that is off by default (<see cref="Severity.None"/>) is a descriptor disabled by default.
/// </summary>
internal static class RoslynDescriptors
{
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = RuleCatalog.All.Select(Create).ToImmutableArray();

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById =
        All.ToImmutableDictionary(d => d.Id, StringComparer.Ordinal);

    public static DiagnosticDescriptor For(RuleDescriptor rule) => ById[rule.Id];

    public static RoslynSeverity ToRoslyn(Severity severity) => severity switch
    {
        Severity.Error => RoslynSeverity.Error,
        Severity.Warning => RoslynSeverity.Warning,
        Severity.Info => RoslynSeverity.Info,
        _ => RoslynSeverity.Hidden,
    };

    private static DiagnosticDescriptor Create(RuleDescriptor rule) => new(
        rule.Id,
        rule.Name,
        "{0}",
        rule.Category.ToString(),
        ToRoslyn(rule.DefaultSeverity),
        isEnabledByDefault: rule.DefaultSeverity != Severity.None,
        description: rule.Description,
        helpLinkUri: rule.HelpUri);
}
