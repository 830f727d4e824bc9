namespace Consolidate.Analyzers.Model;

/// <summary>One classed token; <see cref="Text"/> is the exact source text of <see cref="Span"/>.</summary>
public readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span);
