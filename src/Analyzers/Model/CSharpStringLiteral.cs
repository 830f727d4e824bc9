namespace Consolidate.Analyzers.Model;

/// <summary>One C# string literal: its value (escapes resolved) and the span of the literal as written.</summary>
public sealed record CSharpStringLiteral(string Value, SourceSpan Span);
