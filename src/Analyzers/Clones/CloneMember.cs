namespace Consolidate.Analyzers.Clones;

/// <summary>One copy in a clone class: lines are 1-based, inclusive; Symbol names the function, class or stage when there is one.</summary>
public sealed record CloneMember(string Path, int StartLine, int EndLine, string? Symbol);
