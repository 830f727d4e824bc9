namespace Consolidate.Analyzers.Model;

/// <summary><c>build:</c> as a string (Context only) or an object (context, dockerfile).</summary>
public sealed record ComposeBuild(ComposeScalar? Context, ComposeScalar? Dockerfile, SourceSpan Span);
