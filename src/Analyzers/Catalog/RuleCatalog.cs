using System.Collections.Immutable;

namespace Consolidate.Analyzers.Catalog;

/// <summary>
/// Every rule's descriptor, in one place. Ids are never reused: hundreds are families (1 container and compose
/// security, 2 duplication, 3 references, 4 terms, 5 resources, 6 scripts, 9 the tool itself).
/// </summary>
public static class RuleCatalog
{
    public const string HelpBase = "https://github.com/consolidate-analyze/consolidate-analyze/blob/main/docs/rules/";

    public static readonly RuleDescriptor DockerfileRunsAsRoot = new(
        "CONS101", "dockerfile-runs-as-root", RuleCategory.Containers, Severity.Warning,
        "The final stage of a Dockerfile has no USER, or USER root/0, so the container runs as root.",
        FixAvailability.PatchSet);

    public static readonly RuleDescriptor DockerfileUnpinnedBase = new(
        "CONS102", "dockerfile-unpinned-base", RuleCategory.Containers, Severity.Warning,
        "A FROM image has no tag or the tag 'latest', so builds change under you.",
        FixAvailability.PatchSet);

    public static readonly RuleDescriptor ComposePrivileged = new(
        "CONS103", "compose-privileged", RuleCategory.Compose, Severity.Warning,
        "A compose service runs privileged: it has every capability and all host devices.",
        FixAvailability.PatchSet);

    public static readonly RuleDescriptor ComposeDockerSocket = new(
        "CONS104", "compose-docker-socket", RuleCategory.Compose, Severity.Warning,
        "A compose service mounts the Docker socket, which gives it root on the host.",
        FixAvailability.PatchSet);

    public static readonly RuleDescriptor ComposeHostNamespace = new(
        "CONS105", "compose-host-namespace", RuleCategory.Compose, Severity.Warning,
        "A compose service shares the host's pid, ipc or network namespace.",
        FixAvailability.PatchSet);

    public static readonly RuleDescriptor DuplicateFile = new(
        "CONS201", "duplicate-file", RuleCategory.Duplication, Severity.Warning,
        "A whole file repeats another file: keep one copy and point every reference at it.",
        FixAvailability.PatchSet);

    public static readonly RuleDescriptor DuplicateFragment = new(
        "CONS202", "duplicate-fragment", RuleCategory.Duplication, Severity.Info,
        "A function, class, stage or long run of statements repeats code elsewhere: keep one copy and call it.");

    public static readonly RuleDescriptor DanglingReference = new(
        "CONS301", "dangling-reference", RuleCategory.References, Severity.Warning,
        "A script, Dockerfile, compose file, workflow or import refers to a repository path or module that does not exist.");

    public static readonly RuleDescriptor BannedTerm = new(
        "CONS401", "banned-term", RuleCategory.Terms, Severity.Warning,
        "A term the repository bans (consolidate.yml 'terms') appears in a comment, string or identifier.",
        FixAvailability.PatchSet);

    public static readonly RuleDescriptor ComposeNoMemoryLimit = new(
        "CONS501", "compose-no-memory-limit", RuleCategory.Compose, Severity.Info,
        "A compose service has no memory limit, so one leak can take the whole host down.",
        FixAvailability.PatchSet);

    public static readonly RuleDescriptor ComposeOverAllocation = new(
        "CONS502", "compose-over-allocation", RuleCategory.Compose, Severity.Warning,
        "Compose memory or CPU limits exceed the host budget (consolidate.yml 'host'), or a reservation exceeds its limit.",
        FixAvailability.PatchSet);

    public static readonly RuleDescriptor ShellMissingStrictMode = new(
        "CONS601", "shell-missing-strict-mode", RuleCategory.Scripts, Severity.None,
        "A shell script never turns on 'set -e' (off by default: enable it in .editorconfig).");

    public static readonly RuleDescriptor HardcodedAbsolutePath = new(
        "CONS602", "hardcoded-absolute-path", RuleCategory.Scripts, Severity.Warning,
        "A script hard-codes an absolute path under the repository's own install root (consolidate.yml 'installRoots').");

    public static readonly RuleDescriptor FileNotParsed = new(
        "CONS901", "file-not-parsed", RuleCategory.Tool, Severity.Info,
        "A file could not be read or parsed cleanly, so other rules saw it only in part or not at all.");

    public static readonly RuleDescriptor ParserUnavailable = new(
        "CONS902", "parser-unavailable", RuleCategory.Tool, Severity.Warning,
        "A parser the tool needs could not run (the tree-sitter native library did not load), so no file of that language was parsed.");

    public static ImmutableArray<RuleDescriptor> All { get; } = ImmutableArray.Create(
        DockerfileRunsAsRoot,
        DockerfileUnpinnedBase,
        ComposePrivileged,
        ComposeDockerSocket,
        ComposeHostNamespace,
        DuplicateFile,
        DuplicateFragment,
        DanglingReference,
        BannedTerm,
        ComposeNoMemoryLimit,
        ComposeOverAllocation,
        ShellMissingStrictMode,
        HardcodedAbsolutePath,
        FileNotParsed,
        ParserUnavailable);

    public static RuleDescriptor? Find(string idOrName) =>
        All.FirstOrDefault(r => string.Equals(r.Id, idOrName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Name, idOrName, StringComparison.OrdinalIgnoreCase));
}
