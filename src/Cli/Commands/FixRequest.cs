namespace Consolidate.Cli.Commands;

/// <summary>The arguments of <c>consolidate-analyze fix</c> after parsing.</summary>
internal sealed record FixRequest(string Path, string Out, string[] Only, bool Unsafe, string? Config, string Python);
