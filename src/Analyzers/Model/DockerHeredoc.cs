namespace Consolidate.Analyzers.Model;

/// <summary>A heredoc of an instruction (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, quoted delimiters).</summary>
public sealed record DockerHeredoc(string Delimiter, bool StripTabs, bool Quoted, string Body, SourceSpan BodySpan);
