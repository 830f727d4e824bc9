namespace Consolidate.Analyzers.Model;

/// <summary>An instruction flag: <c>--from=build</c> is Name "from", Value "build"; <c>--link</c> has Value null.</summary>
public sealed record DockerFlag(string Name, string? Value, SourceSpan Span);
