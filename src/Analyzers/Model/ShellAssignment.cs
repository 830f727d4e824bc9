namespace Consolidate.Analyzers.Model;

/// <summary><c>NAME=value</c> (also <c>export</c>/<c>local</c>/<c>readonly</c>/<c>declare</c> forms), in source order.</summary>
public sealed record ShellAssignment(string Name, ShellWord? Value, SourceSpan Span, string? Function, int Sequence);
