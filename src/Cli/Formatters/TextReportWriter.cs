using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Model;

namespace Consolidate.Cli.Formatters;

/// <summary>
/// The report for a person: findings as <c>path:line: severity ID name: message</c> (editors and CI log parsers
/// link these), then a summary of files by language and parse status, clusters and findings.
/// </summary>
public static class TextReportWriter
{
    public static void Write(TextWriter writer, AnalysisResult result, string rootDisplay)
    {
        foreach (var diagnostic in result.Reported)
        {
            writer.WriteLine($"{diagnostic.Path}:{diagnostic.Line}: {ReportNames.Of(diagnostic.Severity)} {diagnostic.Rule.Id} {diagnostic.Rule.Name}: {diagnostic.Message}");
            foreach (var related in diagnostic.Related)
                writer.WriteLine($"    {related.Path}:{related.StartLine}: {related.Message}");
        }

        if (result.Reported.Any())
            writer.WriteLine();

        var files = result.Model.Files;
        writer.WriteLine($"Scanned {files.Length} files in {rootDisplay}");
        foreach (var group in files.GroupBy(f => f.Language).OrderBy(g => g.Key))
        {
            var statuses = string.Join(", ", group.GroupBy(f => f.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {ReportNames.Of(g.Key)}"));
            writer.WriteLine($"  {ReportNames.Of(group.Key),-11}{group.Count(),6}  ({statuses})");
        }

        var problems = files.Where(f => f.Status is ParseStatus.Recovered or ParseStatus.Failed).ToList();
        foreach (var file in problems)
            writer.WriteLine($"  {ReportNames.Of(file.Status)}: {file.Path}: {file.Reason}");

        var clusters = result.Model.Clusters;
        writer.WriteLine($"Clone classes: {clusters.Length} ({clusters.Sum(c => c.Members.Length)} copies)");
        var reported = result.Reported.ToList();
        var bySeverity = string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Info }
            .Select(s => $"{reported.Count(d => d.Severity == s)} {ReportNames.Of(s)}"));
        var suppressed = result.Diagnostics.Length - reported.Count;
        writer.WriteLine($"Findings: {reported.Count} ({bySeverity}){(suppressed > 0 ? $", {suppressed} suppressed" : "")}");
    }
}
