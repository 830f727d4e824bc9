using System.Collections.Immutable;

namespace Consolidate.Analyzers.Catalog;

/// <summary>
/// Every rule's descriptor, in one place. Ids are never reused: hundreds are families (1 containers, 2 duplication,
/// 3 references, 4 terms, 5 compose and resources, 6 scripts, 9 the tool itself).
/// </summary>
public static class RuleCatalog
{
    public const string HelpBase = "https://github.com/consolidate-analyze/consolidate-analyze/blob/main/docs/rules/";

    public static readonly RuleDescriptor DuplicateFile = new(
        "CONS201", "duplicate-file", RuleCategory.Duplication, Severity.Warning,
        "A whole file repeats another file: keep one copy and point every reference at it.",
        FixAvailability.PatchSet);

    public static readonly RuleDescriptor FileNotParsed = new(
        "CONS901", "file-not-parsed", RuleCategory.Tool, Severity.Info,
        "A file could not be read or parsed cleanly, so other rules saw it only in part or not at all.");

    public static ImmutableArray<RuleDescriptor> All { get; } = ImmutableArray.Create(
        DuplicateFile,
        FileNotParsed);

    public static RuleDescriptor? Find(string idOrName) =>
        All.FirstOrDefault(r => string.Equals(r.Id, idOrName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Name, idOrName, StringComparison.OrdinalIgnoreCase));
}
