namespace Consolidate.Cli.Commands;

/// <summary>The parsed arguments of <c>scan</c>.</summary>
internal sealed record ScanRequest(string Path, string Format, string? Output, string FailOn, string[] Excludes, string? Config, string Python, string? Baseline = null, string? WriteBaseline = null, bool NoCache = false);
