namespace Consolidate.Analyzers.Model;

/// <summary>A heredoc: its delimiter and the span of its body.</summary>
public sealed record ShellHeredoc(string Delimiter, SourceSpan BodySpan);
