using System.Collections.Immutable;
using Consolidate.Analyzers.Catalog;

namespace Consolidate.Analyzers.Engine;

/// <summary>
/// A finding: which rule, where (path, 1-based lines and columns, end column exclusive), what is wrong, and the
/// related places. <see cref="Severity"/> is the effective one after configuration; <see cref="Suppressed"/> says why
/// a finding was suppressed (SARIF keeps such results, marked), null when it stands.
/// </summary>
public sealed record Diagnostic(
    RuleDescriptor Rule,
    Severity Severity,
    string Path,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message,
    ImmutableArray<RelatedLocation> Related,
    string? Suppressed = null)
{
    /// <summary>The exact text the finding points at (line content), used for fingerprints that survive line moves.</summary>
    public string? Snippet { get; init; }
}
