using System.Text;

namespace Consolidate.Analyzers.Catalog;

/// <summary>Renders docs/rules/README.md from the catalog; a test regenerates it and fails on drift.</summary>
public static class RuleIndexMarkdown
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Rules\n\n");
        text.Append("Generated from `src/Analyzers/Catalog/RuleCatalog.cs` by `RuleIndexMarkdown`; do not edit by hand ");
        text.Append("(`CONSOLIDATE_BLESS=1 dotnet test` rewrites it).\n\n");
        text.Append("| id | name | category | default severity | fix | what it finds |\n");
        text.Append("| --- | --- | --- | --- | --- | --- |\n");
        foreach (var rule in RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var severity = rule.DefaultSeverity switch
            {
                Severity.None => "none (off)",
                Severity.Info => "suggestion",
                _ => rule.DefaultSeverity.ToString().ToLowerInvariant(),
            };
            var fix = rule.Fix == FixAvailability.PatchSet ? "patch set" : "";
            text.Append($"| [{rule.Id}]({rule.Id}.md) | `{rule.Name}` | {rule.Category.ToString().ToLowerInvariant()} | {severity} | {fix} | {rule.Description} |\n");
        }

        return text.ToString();
    }
}
