namespace Consolidate.Analyzers.Rules.Terms;

/// <summary>One occurrence of a banned term: offset and length in the file text, the text as written and its case-preserving replacement.</summary>
public sealed record TermMatch(int Start, int Length, string Found, string Replacement);
