using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Tool;

/// <summary>Reports files read with a fallback or parse errors (recovered) and files that could not be parsed (failed).</summary>
public sealed class CONS901FileNotParsed : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.FileNotParsed;

    public void Analyze(RuleContext context)
    {
        foreach (var file in context.Model.Files)
        {
            if (file.Status is not (ParseStatus.Recovered or ParseStatus.Failed))
                continue;
            // A parser that could not run at all is one CONS902 finding, not one of these per file.
            if (CONS902ParserUnavailable.IsUnavailable(file))
                continue;
            var line = file.Parsed?.Issues.FirstOrDefault()?.Line ?? 1;
            var what = file.Status == ParseStatus.Failed ? "could not be parsed" : "was parsed with errors";
            context.ReportLines(file.Path, Math.Max(1, line), Math.Max(1, line),
                $"{file.Language.ToString().ToLowerInvariant()} file {what}: {file.Reason}; rules saw it only in part — fix the file or exclude it");
        }
    }
}
