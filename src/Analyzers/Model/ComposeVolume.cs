namespace Consolidate.Analyzers.Model;

/// <summary>A service volume, short (<c>src:dst[:mode]</c>) or long syntax; Source is null for anonymous volumes.</summary>
public sealed record ComposeVolume(string? Source, string? Target, string? Type, SourceSpan Span);
