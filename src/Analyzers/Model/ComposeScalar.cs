namespace Consolidate.Analyzers.Model;

/// <summary>A YAML scalar value of a compose file with the span of the value (or of its key when the value is a collection).</summary>
public sealed record ComposeScalar(string Value, SourceSpan Span);
