using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// What a frontend returns for one text: the normalized tree, the classed token stream (in source order, not
/// overlapping), definitions, language facts and the parse problems it recovered from. <see cref="Failed"/> means the
/// text could not be parsed at all (tree and tokens may be empty).
/// </summary>
public sealed record ParsedSource(
    SyntaxNode Root,
    ImmutableArray<Token> Tokens,
    ImmutableArray<Symbol> Symbols,
    LanguageFacts? Facts,
    ImmutableArray<ParseIssue> Issues,
    bool Failed = false)
{
    public static ParsedSource FailedWith(SourceText text, ParseIssue issue) => new(
        SyntaxNode.Leaf(NodeKind.File, "file", text.Span(0, text.Text.Length)),
        ImmutableArray<Token>.Empty,
        ImmutableArray<Symbol>.Empty,
        null,
        ImmutableArray.Create(issue),
        Failed: true);
}
