namespace Consolidate.Analyzers.Model;

/// <summary>A name in <c>from m import Name as Alias</c>; "*" for a star import.</summary>
public sealed record ImportedName(string Name, string? Alias, SourceSpan Span);
