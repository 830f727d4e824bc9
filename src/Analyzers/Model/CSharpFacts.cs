using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// C# facts: the constant string literals of a file that could be paths (regular, verbatim and single-line raw; not
/// interpolated; no whitespace, at most 259 characters), which the reference graph reads for paths of repository files
/// (<c>Process.Start("scripts/deploy.sh")</c>).
/// </summary>
public sealed record CSharpFacts(ImmutableArray<CSharpStringLiteral> Strings) : LanguageFacts
{
    public static CSharpFacts Empty { get; } = new(ImmutableArray<CSharpStringLiteral>.Empty);
}
