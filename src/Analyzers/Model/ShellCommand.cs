using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// A simple command (<c>name args...</c>), in source order: <see cref="Sequence"/> orders commands and assignments of
/// one text so a resolver can follow <c>cd</c> and variable assignments. Redirections are not arguments.
/// <see cref="Function"/> is the enclosing shell function, if any.
/// </summary>
public sealed record ShellCommand(ShellWord Name, ImmutableArray<ShellWord> Arguments, SourceSpan Span, string? Function, int Sequence)
{
    /// <summary><c>source</c> or <c>.</c>.</summary>
    public bool IsSource => Name.StaticValue is "source" or ".";
}
