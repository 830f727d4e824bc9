using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>A shell word as written (<see cref="Text"/>, quotes included) and as parts for static evaluation.</summary>
public sealed record ShellWord(string Text, ImmutableArray<ShellWordPart> Parts, SourceSpan Span)
{
    /// <summary>The word's value when every part is a literal; null when anything is dynamic.</summary>
    public string? StaticValue => Parts.All(p => p.Kind == ShellWordPartKind.Literal) ? string.Concat(Parts.Select(p => p.Text)) : null;
}
