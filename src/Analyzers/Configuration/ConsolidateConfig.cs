using System.Collections.Immutable;

namespace Consolidate.Analyzers.Configuration;

/// <summary>
/// The repository's <c>consolidate.yml</c> (schema in shared/contracts/patchset.md and docs/configuration.md).
/// Rule options are kept as strings per rule id (<c>rules: {CONS502: {...}}</c>) for rules that read options;
/// severities are set in .editorconfig, not here.
/// </summary>
public sealed record ConsolidateConfig
{
    public static ConsolidateConfig Default { get; } = new();

    public string? Source { get; init; }

    public ImmutableArray<TermRule> Terms { get; init; } = ImmutableArray<TermRule>.Empty;

    public ImmutableArray<ModuleRule> Modules { get; init; } = ImmutableArray<ModuleRule>.Empty;

    public HostBudget? Host { get; init; }

    public ImmutableArray<string> Exclude { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Folders whose copies are preferred as the canonical member of a clone class.</summary>
    public ImmutableArray<string> Canonical { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Absolute install roots of the repository's own deployment (e.g. /opt/app): scripts should not hard-code them.</summary>
    public ImmutableArray<string> InstallRoots { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// Base image name (as FROM writes it, without tag) to the tag, optionally with a digest, that the container-security
    /// fix writes where FROM has no tag or <c>latest</c> (CONS102). Only configured images are pinned: the tool never
    /// chooses a version.
    /// </summary>
    public ImmutableDictionary<string, string> Pins { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, ImmutableDictionary<string, string>> Rules { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    public long MaxFileBytes { get; init; } = Scanning.ScanOptions.DefaultMaxFileBytes;

    public string? RuleOption(string ruleId, string key) =>
        Rules.TryGetValue(ruleId, out var options) && options.TryGetValue(key, out var value) ? value : null;
}
