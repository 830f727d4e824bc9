using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Tool;

/// <summary>
/// Reports once per reason when a parser could not run at all (the tree-sitter library is missing or broken), at the
/// first file it left unparsed: one clear finding instead of a CONS901 on every shell or Python file.
/// </summary>
public sealed class CONS902ParserUnavailable : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ParserUnavailable;

    public static bool IsUnavailable(FileModel file) => file.Parsed is { Failed: true } parsed && parsed.Issues.Any(i => i.ParserUnavailable);

    public void Analyze(RuleContext context)
    {
        var groups = context.Model.Files
            .Where(IsUnavailable)
            .GroupBy(f => f.Parsed!.Issues.First(i => i.ParserUnavailable).Message, StringComparer.Ordinal)
            .OrderBy(g => g.Min(f => f.Path), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var files = group.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            var languages = string.Join(" and ", files.Select(f => f.Language.ToString().ToLowerInvariant()).Distinct());
            var count = files.Count == 1 ? "1 file" : $"{files.Count} files";
            context.ReportLines(files[0].Path, 1, 1,
                $"{count} ({languages}) were not parsed: {group.Key}; no rule saw them — reinstall the tool or package so the native library sits next to its assembly");
        }
    }
}
