using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Engine;

namespace Consolidate.Cli.Formatters;

/// <summary>A pull-request comment: a summary table, then findings grouped by rule with a link to each rule's page.</summary>
public static class MarkdownWriter
{
    private const int MaxPerRule = 50;

    public static void Write(TextWriter writer, AnalysisResult result)
    {
        var findings = result.Reported.ToList();
        var files = result.Model.Files;
        writer.WriteLine("## consolidate-analyze");
        writer.WriteLine();
        writer.WriteLine("| | count |");
        writer.WriteLine("| --- | --- |");
        writer.WriteLine($"| files scanned | {files.Length} |");
        writer.WriteLine($"| parsed with errors or not parsed | {files.Count(f => f.Status is Analyzers.Model.ParseStatus.Recovered or Analyzers.Model.ParseStatus.Failed)} |");
        writer.WriteLine($"| clone classes | {result.Model.Clusters.Length} |");
        foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Info })
            writer.WriteLine($"| {ReportNames.Of(severity)} findings | {findings.Count(d => d.Severity == severity)} |");
        writer.WriteLine();

        if (findings.Count == 0)
        {
            writer.WriteLine("No findings.");
            return;
        }

        foreach (var group in findings.GroupBy(d => d.Rule).OrderByDescending(g => g.Max(d => d.Severity)).ThenBy(g => g.Key.Id, StringComparer.Ordinal))
        {
            var rule = group.Key;
            writer.WriteLine($"### [{rule.Id} {rule.Name}]({rule.HelpUri}) ({group.Count()})");
            writer.WriteLine();
            writer.WriteLine(Escape(rule.Description));
            writer.WriteLine();
            foreach (var diagnostic in group.Take(MaxPerRule))
                writer.WriteLine($"- **{ReportNames.Of(diagnostic.Severity)}** `{Code(diagnostic.Path)}:{diagnostic.Line}`: {Escape(diagnostic.Message)}");
            if (group.Count() > MaxPerRule)
                writer.WriteLine($"- … and {group.Count() - MaxPerRule} more (see the JSON or SARIF report)");
            writer.WriteLine();
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Code(string path) => path.Replace("`", "'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
