namespace Consolidate.Analyzers.Catalog;

/// <summary>A rule's identity and defaults. The help link derives from the id, so docs and SARIF agree.</summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    RuleCategory Category,
    Severity DefaultSeverity,
    string Description,
    FixAvailability Fix = FixAvailability.None)
{
    public string HelpUri => RuleCatalog.HelpBase + Id + ".md";

    public string DocsPath => "docs/rules/" + Id + ".md";
}
