using System.Collections.Immutable;

namespace Consolidate.Analyzers.Scanning;

/// <summary>What to walk and what to leave out. Exclude globs use .gitignore syntax relative to the scan root.</summary>
public sealed record ScanOptions
{
    public const long DefaultMaxFileBytes = 2 * 1024 * 1024;

    public ImmutableArray<string> Excludes { get; init; } = ImmutableArray<string>.Empty;

    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Repo-relative paths (forward slashes) never read: the report the user is writing, for instance.</summary>
    public ImmutableHashSet<string> OmitPaths { get; init; } = ImmutableHashSet<string>.Empty;
}
