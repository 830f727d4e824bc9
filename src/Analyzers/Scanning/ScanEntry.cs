namespace Consolidate.Analyzers.Scanning;

/// <summary>
/// One file the walk found, not yet read: its repo-relative path (forward slashes), its full path, and why it is
/// skipped (excluded, a symbolic link, an unlistable folder) or null when it is to be read.
/// </summary>
public sealed record ScanEntry(string Path, string FullPath, string? SkipReason);
